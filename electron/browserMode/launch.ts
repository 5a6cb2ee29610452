import { randomBytes, timingSafeEqual } from 'node:crypto';

/** One launch of browser mode: its session secret and the one-time code that hands it to a page. */
export interface LaunchSession {
  readonly secret: string;
  /** The code in the launch link; void once spent. */
  readonly code: string;
  /** Spends the code: the secret on the first right code, undefined ever after. */
  redeem(code: string): string | undefined;
  /** Resolves when a page has spent the code (the start script's sign that a window opened). */
  readonly redeemed: Promise<void>;
}

/** A fresh launch: 256-bit secret, 192-bit code (decision 0002). */
export function createLaunchSession(): LaunchSession {
  const secret = randomBytes(32).toString('base64url');
  const code = randomBytes(24).toString('base64url');
  let spent = false;
  let markRedeemed: () => void = () => undefined;
  const redeemed = new Promise<void>((resolve) => (markRedeemed = resolve));
  return {
    secret,
    code,
    redeemed,
    redeem(candidate) {
      const given = Buffer.from(candidate);
      const expected = Buffer.from(code);
      if (spent || given.length !== expected.length || !timingSafeEqual(given, expected))
        return undefined;
      spent = true;
      markRedeemed();
      return secret;
    },
  };
}
