// Where a result's file is, for the formats a viewer reads beside the repository (SARIF, GitLab Code Quality).
// Plain string work, no Node module: the core runs in a browser too.

const DRIVE = /^[A-Za-z]:\//;

/**
 * The file as a viewer finds it: relative to the working folder (`/` between folders, no leading `./`) when it lies
 * there or was given relative; otherwise the absolute path as given. Backslashes are separators only in a Windows
 * path (a drive letter, here or in the working folder): elsewhere a backslash is a character of a file's name.
 */
export function artifactPath(file: string, workingFolder?: string): { path: string; relative: boolean } {
  const windows =
    /^[A-Za-z]:[\\/]/.test(file) || (workingFolder !== undefined && /^[A-Za-z]:[\\/]/.test(workingFolder));
  const slashed = (path: string) => (windows ? path.replace(/\\/g, '/') : path);
  const path = slashed(file);
  const absolute = path.startsWith('/') || DRIVE.test(path);
  if (!absolute) return { path: path.replace(/^(\.\/)+/, ''), relative: true };
  if (workingFolder !== undefined) {
    const base = slashed(workingFolder).replace(/\/*$/, '/');
    const inside = windows ? path.toLowerCase().startsWith(base.toLowerCase()) : path.startsWith(base);
    if (inside && path.length > base.length) return { path: path.slice(base.length), relative: true };
  }
  return { path, relative: false };
}

/** Lone surrogates as U+FFFD: encodeURIComponent throws on them, and no file system path needs them kept. */
const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * The path as a URI: each folder's name percent-encoded (so no character of it acts anywhere it is shown), a relative
 * path as a relative reference, an absolute one as a `file:` URI.
 */
export function pathUri(path: string, relative: boolean): string {
  const encode = (text: string) =>
    text
      .split('/')
      .map((segment) => encodeURIComponent(wellFormed(segment)))
      .join('/');
  if (relative) return encode(path);
  // `C:/x` is `file:///C:/x`: the drive's colon stays as it is.
  return DRIVE.test(path) ? `file:///${path.slice(0, 2)}${encode(path.slice(2))}` : `file://${encode(path)}`;
}
