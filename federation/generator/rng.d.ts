/**
 * Seeded pseudo-random numbers (sfc32, seeded through cyrb128). Every stream is named
 * (seed + labels) so datasets draw independently and generation order never changes the data.
 */
export declare class Rng {
    private a;
    private b;
    private c;
    private d;
    constructor(seed: number, ...labels: string[]);
    /** Uniform in [0, 1). */
    next(): number;
    /** Integer in [lo, hi] inclusive. */
    int(lo: number, hi: number): number;
    chance(p: number): boolean;
    pick<T>(items: readonly T[]): T;
    /** Picks by relative weight from [item, weight] pairs. */
    weighted<T>(pairs: readonly (readonly [T, number])[]): T;
    /** Standard normal (Box-Muller). */
    normal(mean?: number, sd?: number): number;
    /** Number of failures before the next success at probability p (for skipping over non-carriers). */
    geometricSkip(p: number): number;
    /** A Fisher-Yates shuffled copy. */
    shuffled<T>(items: readonly T[]): T[];
}
