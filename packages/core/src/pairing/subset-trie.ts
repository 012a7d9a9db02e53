/*
 * Sets of skills as the nodes of a trie: a set's node is the child, by its largest skill, of the
 * node of the set without it; the empty set is node 0. So the sets present are numbered densely
 * (0, 1, 2… in order of creation) and found from a consultant's skills one skill at a time,
 * and a set absent means every set holding it is absent too. The children live in one
 * open-addressing hash table keyed by (parent, skill), in typed arrays.
 */
export class SubsetTrie {
  private parents: Int32Array<ArrayBuffer>;
  private skills: Int32Array<ArrayBuffer>;
  /** Child node + 1 per slot; 0 is an empty slot. */
  private children: Int32Array<ArrayBuffer>;
  private mask: number;
  /** How many nodes, the empty set included. */
  size = 1;

  constructor(expectedNodes = 1024) {
    let slots = 64;
    while (slots < expectedNodes * 2) slots *= 2;
    this.parents = new Int32Array(slots);
    this.skills = new Int32Array(slots);
    this.children = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The node of `parent`'s set plus `skill` (a skill larger than any in it), or −1. */
  child(parent: number, skill: number): number {
    for (let slot = slotOf(parent, skill, this.mask); ; slot = (slot + 1) & this.mask) {
      const child = this.children[slot]!;
      if (child === 0) return -1;
      if (this.parents[slot] === parent && this.skills[slot] === skill) return child - 1;
    }
  }

  /** The same node, made if absent. */
  addChild(parent: number, skill: number): number {
    let slot = slotOf(parent, skill, this.mask);
    for (; ; slot = (slot + 1) & this.mask) {
      const child = this.children[slot]!;
      if (child === 0) break;
      if (this.parents[slot] === parent && this.skills[slot] === skill) return child - 1;
    }
    const node = this.size++;
    this.parents[slot] = parent;
    this.skills[slot] = skill;
    this.children[slot] = node + 1;
    if (this.size * 2 > this.mask + 1) this.grow();
    return node;
  }

  private grow(): void {
    const { parents, skills, children } = this;
    const slots = children.length * 2;
    this.parents = new Int32Array(slots);
    this.skills = new Int32Array(slots);
    this.children = new Int32Array(slots);
    this.mask = slots - 1;
    for (let old = 0; old < children.length; old++) {
      if (children[old] === 0) continue;
      let slot = slotOf(parents[old]!, skills[old]!, this.mask);
      while (this.children[slot] !== 0) slot = (slot + 1) & this.mask;
      this.parents[slot] = parents[old]!;
      this.skills[slot] = skills[old]!;
      this.children[slot] = children[old]!;
    }
  }
}

function slotOf(parent: number, skill: number, mask: number): number {
  let hash = Math.imul(parent, 0x9e3779b1) ^ Math.imul(skill + 1, 0x85ebca77);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 13;
  return hash & mask;
}
