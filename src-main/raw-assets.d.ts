/** Text assets bundled at build time (`import svg from '…/x.svg?raw'`): nothing to find on disk at run time. */
declare module '*?raw' {
  const content: string;
  export default content;
}
