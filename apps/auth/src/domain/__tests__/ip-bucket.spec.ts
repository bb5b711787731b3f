import { ipBucketOf, validIpOrNull } from '../ip-bucket';

describe('ipBucketOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::', '2001:db8:1:2::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8:1:2::1.2.3.4', '2001:db8:1:2::/64'],
  ])('%s -> %s', (ip, bucket) => expect(ipBucketOf(ip)).toBe(bucket));

  it('puts every address of one /64 into one bucket', () => {
    expect(ipBucketOf('2001:db8:aa:bb::1')).toBe(ipBucketOf('2001:db8:aa:bb:ffff:ffff:ffff:ffff'));
    expect(ipBucketOf('2001:db8:aa:bb::1')).not.toBe(ipBucketOf('2001:db8:aa:bc::1'));
  });

  it.each(['', 'localhost', '999.1.1.1', '1.2.3', 'fe80::1::2'])('has no bucket for %j', (ip) => expect(ipBucketOf(ip)).toBeNull());
});

describe('validIpOrNull', () => {
  it('keeps addresses and drops the rest', () => {
    expect(validIpOrNull('203.0.113.7')).toBe('203.0.113.7');
    expect(validIpOrNull('2001:db8::1')).toBe('2001:db8::1');
    expect(validIpOrNull('fe80::1%eth0')).toBe('fe80::1');
    expect(validIpOrNull('nope')).toBeNull();
  });
});
