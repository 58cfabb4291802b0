// Imported first by every entry (the command, the reading process, convert's workers): Node 22.1 and later keep the
// code they compile for our modules and the libraries (pdfjs, SheetJS) in a cache on disk and reuse it on the next
// start, which saves a tenth of a PDF import. Node 20 has no such cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off,
// NODE_COMPILE_CACHE=DIR moves it (default: the system's temporary folder).
import * as nodeModule from 'node:module';

const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
// A cache that cannot be written (a read-only temporary folder) is reported in the returned status, never thrown.
enable?.();
