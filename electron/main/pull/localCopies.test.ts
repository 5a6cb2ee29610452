import { describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { localCopyRefusal } from './localCopies';

const node = (localCopies?: NodeEntry['localCopies']): NodeEntry => ({
  id: 'DE',
  name: 'DE',
  country: 'Germany',
  beaconUrl: 'http://127.0.0.1:1/api',
  ...(localCopies === undefined ? {} : { localCopies }),
});

describe('issue 15 item 5: local copies at a node that says nothing (decision 0018, DATA-01)', () => {
  it('the node’s own statement decides, whatever the directory says', () => {
    expect(
      localCopyRefusal({ id: 'X', allowLocalCopies: true }, node('not-allowed')),
    ).toBeUndefined();
    // Issue 22 (decision 0070): main's English and the code the renderer words, with the ids.
    expect(localCopyRefusal({ id: 'X', allowLocalCopies: false }, node('allowed'))).toEqual({
      text: 'Node DE does not allow local copies of X.',
      said: { code: 'node-forbids-copies', params: { node: 'DE', dataset: 'X' } },
    });
  });

  it('a silent node: the directory’s agreement decides, and without one no copy is kept', () => {
    expect(
      localCopyRefusal({ id: 'X', allowLocalCopies: undefined }, node('allowed')),
    ).toBeUndefined();
    expect(
      localCopyRefusal({ id: 'X', allowLocalCopies: undefined }, node('not-allowed')),
    ).toMatchObject({
      text: expect.stringMatching(/federation directory does not allow local copies/) as unknown,
      said: { code: 'directory-forbids-copies', params: { node: 'DE' } },
    });
    expect(localCopyRefusal({ id: 'X', allowLocalCopies: undefined }, node())).toMatchObject({
      text: expect.stringMatching(
        /^Node DE says nothing about local copies of X, and the federation directory does not allow them/,
      ) as unknown,
      said: { code: 'copies-unstated', params: { node: 'DE', dataset: 'X' } },
    });
  });
});
