import type { TraceEvent } from './trace-types'

export type Stored = { event: TraceEvent; bytes: number }

/** A fixed-capacity ring: pushing onto a full one overwrites the oldest entry. */
export class TraceRing {
  private readonly slots: (Stored | undefined)[]
  private head = 0
  size = 0
  bytes = 0
  nextSeq = 1

  constructor(capacity: number) {
    this.slots = new Array(capacity)
  }

  push(entry: Stored): Stored | undefined {
    const index = (this.head + this.size) % this.slots.length
    const overwritten = this.size === this.slots.length ? this.slots[index] : undefined
    this.slots[index] = entry
    if (overwritten) this.head = (this.head + 1) % this.slots.length
    else this.size++
    this.bytes += entry.bytes - (overwritten?.bytes ?? 0)
    return overwritten
  }

  dropOldest(): Stored | undefined {
    if (this.size === 0) return undefined
    const oldest = this.slots[this.head]
    this.slots[this.head] = undefined
    this.head = (this.head + 1) % this.slots.length
    this.size--
    this.bytes -= oldest?.bytes ?? 0
    return oldest
  }

  *entries() {
    for (let i = 0; i < this.size; i++) yield this.slots[(this.head + i) % this.slots.length]!
  }
}
