/** "sha256:9464…" → the first 12 hex digits: enough to tell versions apart at a glance. */
export const shortHash = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);
