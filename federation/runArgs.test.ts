import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './runArgs';

describe('npm run federation options', () => {
  it('defaults to the catalogue ports and the small profile', () => {
    expect(parseRunArgs([], {})).toMatchObject({
      aaiPort: 4400,
      basePort: 4401,
      profile: 'small',
      extraNodes: 0,
      faults: {},
    });
  });

  it('takes the base port from the environment and puts the AAI just below it', () => {
    expect(parseRunArgs([], { FEDERATION_BASE_PORT: '5501' })).toMatchObject({
      aaiPort: 5500,
      basePort: 5501,
    });
    expect(parseRunArgs(['--base-port', '0'], {})).toMatchObject({ aaiPort: 0, basePort: 0 });
    expect(parseRunArgs(['--base-port', '6001', '--aai-port', '7000'], {})).toMatchObject({
      aaiPort: 7000,
      basePort: 6001,
    });
  });

  it('takes the run folder from --run-dir or FEDERATION_RUN_DIR (npm start, tests)', () => {
    expect(parseRunArgs([], {}).runDir).toBeUndefined();
    expect(parseRunArgs([], { FEDERATION_RUN_DIR: 'state-a' }).runDir).toBe('state-a');
    expect(parseRunArgs(['--run-dir', 'state-b'], { FEDERATION_RUN_DIR: 'state-a' }).runDir).toBe(
      'state-b',
    );
  });

  it('parses faults, profile and extra nodes', () => {
    const args = parseRunArgs(
      ['--profile', 'large', '--extra-nodes', '3', '--faults', '{"IT":{"latencyMs":2000}}'],
      {},
    );
    expect(args).toMatchObject({
      profile: 'large',
      extraNodes: 3,
      faults: { IT: { latencyMs: 2000 } },
    });
  });

  it('issue 15: starts the foreign node unless --no-foreign', () => {
    expect(parseRunArgs([], {}).foreignNode).toBe(true);
    expect(parseRunArgs(['--no-foreign'], {}).foreignNode).toBe(false);
  });

  it.each([
    [['--profile', 'huge']],
    [['--base-port', '70000']],
    [['--faults', '{"IT":{"latency":1}}']],
    [['--faults', 'nope']],
    [['--extra-nodes', '-1']],
    [['--unknown']],
  ])('rejects %j', (argv) => {
    expect(() => parseRunArgs(argv, {})).toThrow();
  });
});
