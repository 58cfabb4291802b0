// Every class of the world corpus, by producer: CMS editors, Word/WPS, LibreOffice and Chromium, copies and workbooks.
import { cmsClasses } from './classes-cms';
import { copyClasses } from './classes-copy';
import { printClasses } from './classes-print';
import { wordClasses } from './classes-word';
import type { WorldClass } from './sample';

export const worldClasses: readonly WorldClass[] = [...cmsClasses, ...wordClasses, ...printClasses, ...copyClasses];
