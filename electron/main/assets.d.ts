/** Vite inlines these as `data:` URLs into the main bundle (nothing to find on disk at run time). */
declare module '*.png?inline' {
  const dataUrl: string;
  export default dataUrl;
}
