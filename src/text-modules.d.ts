// Prompt templates are bundled as text (esbuild `text` loader, vitest raw plugin).
declare module '*.md' {
  const text: string;
  export default text;
}
declare module '*.jinja' {
  const text: string;
  export default text;
}
