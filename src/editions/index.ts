// The registry of official editions: adding an edition means adding its file (which declares its id) and one line here.
import { edition2019 } from './edition-2019';
import { edition2021 } from './edition-2021';
import type { Edition, EditionId } from './types';

export const editions: readonly Edition[] = [edition2019, edition2021];
export const defaultEditionId: EditionId = '2021';

export function isEditionId(value: unknown): value is EditionId {
  return editions.some((edition) => edition.id === value);
}

export function getEdition(id: EditionId): Edition {
  const edition = editions.find((candidate) => candidate.id === id);
  if (!edition) throw new Error(`unknown edition ${id}`);
  return edition;
}

/** The first official edition (2019's): what a report of an earlier year is read by. */
export function earliestEdition(): Edition {
  return editions.reduce((first, edition) => (edition.years.from < first.years.from ? edition : first));
}

/** The edition a report of this year should use, if any. */
export function editionForYear(year: number): Edition | undefined {
  return editions.find(
    (edition) => year >= edition.years.from && (edition.years.to === undefined || year <= edition.years.to),
  );
}
