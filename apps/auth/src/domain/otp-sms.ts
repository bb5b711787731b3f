/** The text of the SMS that carries a code. */
export function otpSmsBody(code: string, ttlSeconds: number): string {
  const minutes = Math.max(1, Math.round(ttlSeconds / 60));
  return `Your CashierAI code is ${code}. It expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
