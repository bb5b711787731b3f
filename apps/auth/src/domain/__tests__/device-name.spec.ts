import { cleanDeviceName, MAX_DEVICE_NAME_LENGTH } from '../device-name';

describe('cleanDeviceName', () => {
  it('trims, drops control and format characters, and bounds the length', () => {
    expect(cleanDeviceName('  Pixel 8\n')).toBe('Pixel 8');
    expect(cleanDeviceName('Rahim\u202E’s phone\u0000')).toBe('Rahim’s phone');
    expect(cleanDeviceName('x'.repeat(500))).toHaveLength(MAX_DEVICE_NAME_LENGTH);
    expect(cleanDeviceName('📱'.repeat(150))).toBe('📱'.repeat(MAX_DEVICE_NAME_LENGTH));
  });
});
