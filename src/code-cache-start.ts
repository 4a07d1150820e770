import { CodeCache } from './common/code-cache';

/**
 * This build's code cache (see CodeCache), started as this file is loaded: main.ts imports it
 * before anything else, so that every module loaded after it is read from the cache.
 */
export const codeCache = CodeCache.install(__dirname);
