import { describe, expect, it } from 'vitest';
import { FieldTypes } from '../../src/query/field-types.js';
import { FIELD_TYPES, type FieldType } from '../../src/define/schema/field-types.js';

describe('FieldTypes', () => {
  it('gives every type a detection may declare the search behaviour of its Elasticsearch mapping', () => {
    const kinds = Object.fromEntries(FIELD_TYPES.map((t) => [t, new FieldTypes({ [`f.${t}`]: t }).require(`f.${t}`).kind]));
    expect(kinds).toEqual({
      keyword: 'keyword', constant_keyword: 'keyword', wildcard: 'keyword', text: 'text', match_only_text: 'text', ip: 'ip',
      long: 'integer', integer: 'integer', short: 'integer', byte: 'integer', unsigned_long: 'integer',
      double: 'float', float: 'float', half_float: 'float', scaled_float: 'float', date: 'date', boolean: 'boolean',
      object: 'object', nested: 'object', flattened: 'unsearchable', geo_point: 'unsearchable',
    });
  });

  it('types ECS fields, lets eventFields override them, and names an unknown field with the fix', () => {
    const types = new FieldTypes({ 'user.name': 'text', 'app.id': 'long' });
    expect(types.require('user.name')).toEqual({ name: 'user.name', source: 'user.name', type: 'text', kind: 'text' });
    expect(types.require('host.name')).toEqual({ name: 'host.name', source: 'host.name', type: 'keyword', kind: 'keyword' });
    expect(types.find('app.id')?.type).toBe('long');
    expect(types.find('app.nope')).toBeUndefined();
    expect(types.find('app.nope')).toBeUndefined();
    expect(types.find('constructor')).toBeUndefined();
    expect(() => types.require('app.nope')).toThrow(
      `field "app.nope" is not an ECS field and has no type in eventFields: declare it, e.g. eventFields: { 'app.nope': 'keyword' }`,
    );
  });

  it('reads a field under a typed leaf as its multi-field, and a field under an object, nested or flattened field as its own', () => {
    const types = new FieldTypes({ 'app.msg': 'keyword', 'app.msg.text': 'text', 'obj': 'object', 'obj.x': 'keyword', 'n': 'nested', 'n.x': 'keyword', 'fl': 'flattened', 'fl.x': 'keyword' });
    expect(types.require('app.msg.text')).toMatchObject({ source: 'app.msg', kind: 'text' });
    expect(types.require('process.command_line.text')).toMatchObject({ source: 'process.command_line', type: 'match_only_text' });
    for (const name of ['obj.x', 'n.x', 'fl.x']) expect(types.require(name).source, name).toBe(name);
  });

  it('lists the constant_keyword fields of ECS and of eventFields', () => {
    const fields = new FieldTypes({ 'app.tier': 'constant_keyword', 'data_stream.type': 'keyword' }).constantKeywordFields();
    expect(fields.sort()).toEqual(['app.tier', 'data_stream.dataset', 'data_stream.namespace']);
  });

  it('lists the multi-fields of a path, ECS and declared, each once', () => {
    const declared: Record<string, FieldType> = { 'user.name.raw': 'keyword', 'user.name.text': 'match_only_text', 'app.msg': 'keyword', 'app.msg.words': 'text' };
    const types = new FieldTypes(declared);
    expect(types.subfieldsOf('user.name')).toEqual(['user.name.text', 'user.name.raw']);
    expect(types.subfieldsOf('app.msg')).toEqual(['app.msg.words']);
    expect(types.subfieldsOf('app.nothing')).toEqual([]);
    expect(new FieldTypes().subfieldsOf('user.name')).toEqual(['user.name.text']);
  });
});

describe('FieldTypes of names without a dot', () => {
  it('never reads a name without a dot as a multi-field of a shorter name', () => {
    expect(new FieldTypes({ a: 'keyword', ab: 'keyword' }).require('ab').source).toBe('ab');
  });
});
