import { describe, expect, it } from 'vitest';
import { isFileSystemError } from '../../src/runtime/state-dir.js';

const errno = (code: string, syscall: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, ...(path !== undefined ? { path } : {}) });

describe('isFileSystemError', () => {
  it('is true for the errors of calls on the state folder', () => {
    expect(isFileSystemError(errno('ENOSPC', 'fsync'))).toBe(true);
    expect(isFileSystemError(errno('EACCES', 'open', '/state/pending/x'))).toBe(true);
    expect(isFileSystemError(errno('EROFS', 'mkdir', '/state'))).toBe(true);
  });

  it('is false for network errors and for errors that are not system errors', () => {
    expect(isFileSystemError(errno('ECONNREFUSED', 'connect'))).toBe(false);
    expect(isFileSystemError(errno('ENOTFOUND', 'getaddrinfo'))).toBe(false);
    expect(isFileSystemError(new Error('plain'))).toBe(false);
    expect(isFileSystemError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
  });
});
