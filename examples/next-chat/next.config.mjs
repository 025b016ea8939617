import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The app has its own lock file inside the repository's: its root is this folder.
  turbopack: { root: dirname(fileURLToPath(import.meta.url)) },
};

export default nextConfig;
