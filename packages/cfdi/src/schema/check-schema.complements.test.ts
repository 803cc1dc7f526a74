import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../findings.js';
import { readXml, type XmlElement } from '../xml/read-xml.js';
import { checkSchema } from './check-schema.js';
import { ELEMENTS, SCHEMA_FILES } from './rules.generated.js';
import { createElementArbitrary } from './schema-instances.test-support.js';
import { type Base, createMutationArbitrary, type Mutation } from './schema-mutations.test-support.js';
import { FIXTURES, judgeWithOracle, requireOracle } from './schema-oracle.test-support.js';
import { cloneTree, writeXml } from './xml-tree.test-support.js';

// Fixed for a reproducible suite under a minute; SCHEMA_INSTANCE_SEED/SCALE widen exploratory runs.
const SEED = Number(process.env.SCHEMA_INSTANCE_SEED ?? 4_040);
const SCALE = Number(process.env.SCHEMA_INSTANCE_SCALE ?? 1);
const INSTANCES_PER_ELEMENT = 4 * SCALE;
const COMPROBANTES_PER_VERSION = 25 * SCALE;
const MUTATIONS = 200 * SCALE;
const CFDI_NAMESPACES = ['http://www.sat.gob.mx/cfd/4', 'http://www.sat.gob.mx/cfd/3'];
// A sealed 4.0 fixture without a TimbreFiscalDigital, so a generated TFD 1.0 does not collide with one.
const HOST = 'cfdi40-egreso-nota-credito-eku-generado.xml';

/** Every compiled XSD's global elements with the SAT URL of the XSD that declares them. */
function listGlobalElements(): { element: number; location: string; namespace: string | null }[] {
  return Object.entries(SCHEMA_FILES).flatMap(([file, schema]) =>
    schema.elements.map((element) => ({
      element,
      location: `http://www.sat.gob.mx/${file}`,
      namespace: schema.namespace,
    })),
  );
}

/** The host CFDI with `complement` appended to its cfdi:Complemento and its schema location declared. */
function embed(
  host: XmlElement,
  complement: XmlElement,
  namespace: string | null,
  location: string,
): XmlElement {
  const root = cloneTree(host);
  let complemento = root.children.find((child) => child.localName === 'Complemento');
  if (!complemento) {
    complemento = {
      ...root,
      name: 'cfdi:Complemento',
      localName: 'Complemento',
      attributes: [],
      children: [],
      text: '',
    };
    root.children.push(complemento);
  }
  complemento.children.push(complement);
  root.attributes = root.attributes.map(([name, value]) =>
    name === 'xsi:schemaLocation' ? [name, `${value} ${namespace} ${location}`] : [name, value],
  );
  return root;
}

async function findDisagreements(documents: { description: string; xml: string }[]) {
  const verdicts = await judgeWithOracle(documents.map((document) => document.xml));
  return documents.flatMap((document, index) => {
    const findings = checkSchema(readXml(document.xml));
    const oracle = verdicts[index] as { valid: boolean; errors: string };
    if (hasErrors(findings) !== oracle.valid) return [];
    return [{ document: document.description, xml: document.xml, oracle: oracle.errors, library: findings }];
  });
}

describe('checkSchema agrees with validate.sh beyond the fixtures', () => {
  beforeAll(() => requireOracle());

  it('on generated instances of every compiled complement and of whole Comprobantes, and mutations of them', async () => {
    const host = readXml(readFileSync(path.join(FIXTURES, HOST)));
    const documents: { description: string; xml: string; root: XmlElement }[] = [];
    for (const { element, location, namespace } of listGlobalElements()) {
      const name = ELEMENTS[element]?.name ?? '?';
      if (CFDI_NAMESPACES.includes(namespace ?? '')) {
        const roots = fc.sample(createElementArbitrary(element), {
          seed: SEED,
          numRuns: COMPROBANTES_PER_VERSION,
        });
        for (const [i, root] of roots.entries()) {
          root.attributes.push(['xsi:schemaLocation', `${namespace} ${location}`]);
          documents.push({ description: `${name} #${i}`, xml: writeXml(root), root });
        }
        continue;
      }
      const instances = fc.sample(createElementArbitrary(element), {
        seed: SEED,
        numRuns: INSTANCES_PER_ELEMENT,
      });
      for (const [i, instance] of instances.entries()) {
        const root = embed(host, instance, namespace, location);
        documents.push({ description: `${name} (${location}) #${i}`, xml: writeXml(root), root });
      }
    }
    const bases: Base[] = documents.map(({ description, root }) => ({ name: description, root }));
    const mutations = fc
      .sample(createMutationArbitrary(bases), { seed: SEED, numRuns: MUTATIONS })
      .filter((mutation): mutation is Mutation => mutation !== null);
    console.log(
      `[schema] compared ${documents.length} generated + ${mutations.length} mutated documents with validate.sh`,
    );
    const found = await findDisagreements([...documents, ...mutations]);
    expect(found).toEqual([]);
  }, 600_000);
});
