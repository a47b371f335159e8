/** Stylesheets imported for their side effect: Vite bundles them into the page's own CSS file (CSP `style-src 'self'`). */
declare module '*.css';
