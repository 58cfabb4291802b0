// Where a batch's outputs go, the moment each report finishes: under its base name, or — reports that share one, such
// as the same agency and year given twice — under `base（2）`, `base（3）`… in the order the inputs were given, whatever
// order they finish in. A report that finishes before an earlier one of the same name is moved up a number when that
// one arrives, so two runs name alike on one process or on four. Outputs a previous run left current keep their names.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenOutput } from './job';

interface Claim {
  /** The input's place in the batch. */
  index: number;
  /** The formats written, one file each. */
  formats: string[];
  name: string;
}

/** A report's outputs could not be put in place: the path in the way and the system's word (EISDIR, ENOSPC, …). */
export class PlacementFailed extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(`cannot place ${file}: ${code}`, options);
  }
}

/** Told when a report's outputs were moved to another name: its journal entry must say so. */
export type OnMoved = (index: number, outputs: string[]) => void;

export class OutputPlacement {
  /** Per base name, the reports placed under it, in input order. */
  private readonly claims = new Map<string, Claim[]>();
  /** Names held by outputs kept from a previous run, and by whom. */
  private readonly kept = new Map<string, number>();

  constructor(
    private readonly outDir: string,
    /** Refuses output paths that are inputs; called before anything is renamed to them. */
    private readonly protect: (paths: readonly string[]) => void,
  ) {}

  /** Outputs a previous run made that stay: their names are taken. */
  keep(index: number, outputs: readonly string[]): void {
    for (const output of outputs) this.kept.set(stem(output), index);
  }

  /**
   * Renames a report's temporary files into place; the names they got. Reports of the same base that come later in
   * the batch and were placed already move up a number first (each told through `moved`).
   */
  place(index: number, base: string, files: readonly WrittenOutput[], moved: OnMoved): string[] {
    const claims = this.claims.get(base) ?? [];
    this.claims.set(base, claims);
    let at = claims.findIndex((claim) => claim.index > index);
    if (at < 0) at = claims.length;
    const formats = files.map((file) => file.format);
    claims.splice(at, 0, { index, formats, name: '' });
    const names = this.namesFor(base, claims);
    // From the last down, so that every name moved to is already free.
    for (let k = claims.length - 1; k > at; k--) {
      const claim = claims[k] as Claim;
      const name = names[k] as string;
      if (claim.name === name) continue;
      const targets = claim.formats.map((format) => join(this.outDir, `${name}.${format}`));
      this.protect(targets);
      claim.formats.forEach((format, i) => {
        renameSync(join(this.outDir, `${claim.name}.${format}`), targets[i] as string);
      });
      claim.name = name;
      moved(
        claim.index,
        claim.formats.map((format) => `${name}.${format}`),
      );
    }
    const claim = claims[at] as Claim;
    claim.name = names[at] as string;
    const targets = formats.map((format) => join(this.outDir, `${claim.name}.${format}`));
    this.protect(targets);
    const placed: string[] = [];
    try {
      files.forEach((file, i) => {
        renameSync(file.temporary, targets[i] as string);
        placed.push(targets[i] as string);
      });
    } catch (error) {
      // A name taken by something that is not a file (a folder called like an output): this report gets no outputs,
      // not half of them, and its name is free again; the batch goes on.
      for (const path of placed) rmSync(path, { force: true });
      for (const file of files) rmSync(file.temporary, { force: true });
      claims.splice(claims.indexOf(claim), 1);
      const target = targets[placed.length] as string;
      throw new PlacementFailed(target, (error as NodeJS.ErrnoException).code ?? String(error), { cause: error });
    }
    return formats.map((format) => `${claim.name}.${format}`);
  }

  /** The names of a base's claims in order: base, base（2）, … skipping those kept from a previous run. */
  private namesFor(base: string, claims: readonly Claim[]): string[] {
    const names: string[] = [];
    let n = 1;
    for (const claim of claims) {
      let name = numbered(base, n);
      while (this.heldByOther(name, claim.index)) name = numbered(base, ++n);
      names.push(name);
      n++;
    }
    return names;
  }

  private heldByOther(name: string, index: number): boolean {
    const holder = this.kept.get(name);
    return holder !== undefined && holder !== index;
  }
}

const numbered = (base: string, n: number) => (n === 1 ? base : `${base}（${n}）`);
const stem = (name: string) => name.replace(/\.[^.]+$/, '');
