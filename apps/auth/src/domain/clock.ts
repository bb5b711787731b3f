/** The current instant. Injected so that expiry and rate-limit windows are testable without sleeping. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
