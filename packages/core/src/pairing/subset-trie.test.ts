import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubsetTrie } from './subset-trie';

describe('SubsetTrie', () => {
  it('numbers each set once, densely, and finds it again after growing', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }), { maxLength: 300 }), (sets) => {
        const trie = new SubsetTrie(1);
        const seen = new Map<string, number>();
        const nodeOf = (skills: number[], make: boolean): number => {
          let node = 0;
          for (const skill of skills) {
            node = make ? trie.addChild(node, skill) : trie.child(node, skill);
            if (node < 0) return -1;
          }
          return node;
        };
        for (const set of sets) {
          const sorted = [...set].sort((a, b) => a - b);
          for (let size = 0; size <= sorted.length; size++) {
            const prefix = sorted.slice(0, size);
            const node = nodeOf(prefix, true);
            const key = prefix.join(',');
            if (!seen.has(key)) seen.set(key, node);
            expect(node).toBe(seen.get(key));
          }
        }
        expect(trie.size).toBe(seen.size === 0 ? 1 : seen.size);
        expect(new Set(seen.values()).size).toBe(seen.size);
        for (const [key, node] of seen) expect(nodeOf(key === '' ? [] : key.split(',').map(Number), false)).toBe(node);
        expect(nodeOf([41], false)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});
