import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { CodeCache, defaultFolder, ownFolder } from './common/code-cache';
import { ResolutionCache } from './common/resolution-cache';

/**
 * This build's code cache (see CodeCache) and cache of module resolutions (see ResolutionCache),
 * started as this file is loaded: main.ts imports it before anything else, so that every module
 * loaded after it is found and read from them. NODE_DISABLE_COMPILE_CACHE=1 turns both off.
 */
export const codeCache = CodeCache.install(__dirname);

const folder = defaultFolder();
export const resolutionCache =
  process.env.NODE_DISABLE_COMPILE_CACHE || !require.main || !ownFolder(folder)
    ? undefined
    : ResolutionCache.install(
        join(folder, `${process.arch}-${crc32(__dirname)}.resolved.json`),
        require.main.filename,
      );
