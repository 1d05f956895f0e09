/**
 * Splits a top-level JSON array into the source text of its elements as chunks
 * arrive, so a large `[ {...}, {...} ]` file is read one record at a time. It
 * tracks only strings and nesting; each element is then parsed with JSON.parse.
 * (No streaming JSON library is installed, and this needs 60 lines.)
 */
export class JsonArraySplitter {
  private started = false;
  private finished = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  private current = '';
  /** Text after the closing bracket (should be blank). */
  trailing = '';

  /** Feeds a chunk; returns the elements completed in it. */
  push(chunk: string): string[] {
    const out: string[] = [];
    let segStart = 0;
    let i = 0;
    if (this.finished) {
      this.trailing += chunk;
      return out;
    }
    if (!this.started) {
      const m = /\S/.exec(chunk.replace(/^\uFEFF/, ' '));
      if (!m) return out;
      if (chunk[m.index] !== '[') throw new Error('not a JSON array');
      this.started = true;
      this.depth = 1;
      i = segStart = m.index + 1;
    }
    // Jump between the characters that matter instead of visiting every one.
    const structural = /["\\{}[\],]/g;
    const inString = /["\\]/g;
    while (i < chunk.length) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          i++;
          continue;
        }
        inString.lastIndex = i;
        const m = inString.exec(chunk);
        if (!m) break;
        i = m.index + 1;
        if (m[0] === '\\') this.escape = true;
        else this.inString = false;
        continue;
      }
      structural.lastIndex = i;
      const m = structural.exec(chunk);
      if (!m) break;
      const at = m.index;
      i = at + 1;
      const c = m[0];
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) {
          this.current += chunk.slice(segStart, at);
          if (this.current.trim()) out.push(this.current);
          this.current = '';
          this.finished = true;
          this.trailing += chunk.slice(at + 1);
          return out;
        }
      } else if (this.depth === 1) {
        this.current += chunk.slice(segStart, at);
        out.push(this.current);
        this.current = '';
        segStart = at + 1;
      }
    }
    this.current += chunk.slice(segStart);
    return out;
  }

  /** True when the closing bracket was seen and nothing but blanks followed. */
  get complete(): boolean {
    return this.finished && !this.trailing.trim();
  }
}
