// ts-morph for the checker's ES modules, loaded with `require`. An ES module importing a CommonJS
// package makes Node scan the package's source for its export names; for ts-morph (and the
// 9 MB TypeScript it carries) that scan took 250-370 ms of every `check`, measured as
// `import('ts-morph')` after `require('ts-morph')` had already loaded it. With the names given
// one by one here, this small file is all Node scans. Types: ts-morph.d.cts.
'use strict';
const tsMorph = require('ts-morph');

exports.Project = tsMorph.Project;
exports.Node = tsMorph.Node;
exports.SyntaxKind = tsMorph.SyntaxKind;
exports.ts = tsMorph.ts;
