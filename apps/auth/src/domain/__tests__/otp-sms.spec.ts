import { otpSmsBody } from '../otp-sms';

it('says the code and how long it lasts', () => {
  expect(otpSmsBody('012345', 300)).toBe('Your CashierAI code is 012345. It expires in 5 minutes.');
  expect(otpSmsBody('012345', 60)).toBe('Your CashierAI code is 012345. It expires in 1 minute.');
});
