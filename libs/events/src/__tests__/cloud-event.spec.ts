import { fromKafkaHeaders, MalformedEventError, toKafkaHeaders } from '../cloud-event';

const attributes = {
  id: '0190f3a0-0000-7000-8000-000000000001',
  source: '/cashier/transactions',
  type: 'transactions.transaction.created.v1',
  subject: '0190f3a0-0000-7000-8000-0000000000aa',
  time: '2026-11-26T04:00:00.000Z',
  requestid: 'req-42',
};

describe('CloudEvents Kafka binding', () => {
  it('round-trips the attributes through Kafka headers', () => {
    const headers = toKafkaHeaders(attributes);
    expect(headers).toMatchObject({ ce_specversion: '1.0', ce_id: attributes.id, 'content-type': 'application/protobuf' });
    const asReceived = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaHeaders(asReceived)).toEqual(attributes);
  });

  it('rejects a message without the required attributes', () => {
    expect(() => fromKafkaHeaders({ ce_specversion: Buffer.from('1.0') })).toThrow(MalformedEventError);
    expect(() => fromKafkaHeaders(undefined)).toThrow(/ce_specversion/);
  });
});
