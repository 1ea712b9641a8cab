import type { ColumnDef } from '../../../src/report-model/catalog';
import { findReport } from '../../../src/report-model/catalog';
import type { ReportRow } from '../../../src/report-model/column-types';
import { Rng } from '../random-data';

const FIRST = [
  'María',
  'José',
  'Juan',
  'Ana',
  'Luis',
  'Carlos',
  'Andrés',
  'Sofía',
  'Valentina',
  'Camila',
  'Daniel',
  'Santiago',
  'Isabella',
  'Mateo',
  'Lucía',
  'Martín',
  'Ángela',
  'Óscar',
  'Zoë',
  'Nicolás',
  'Julián',
  'Paula',
  'Laura',
  'Diego',
  'Felipe',
  'Manuela',
  'Sebastián',
  'Gabriela',
  'Tomás',
  'Emilia',
  'Alejandro',
  'Mariana',
  'Jorge',
  'Natalia',
  'Ricardo',
  'Verónica',
  'Hernán',
  'Inés',
  'Raúl',
  'Elena',
  'Iván',
  'Mónica',
];
const LAST = [
  'García',
  'Rodríguez',
  'Martínez',
  'López',
  'González',
  'Pérez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Flórez',
  'Gómez',
  'Díaz',
  'Muñoz',
  'Álvarez',
  'Romero',
  'Ruiz',
  'Hernández',
  'Jiménez',
  'Moreno',
  'Vargas',
  'Castro',
  'Ortiz',
  'Rojas',
  'Núñez',
  'Peña',
  'Ibáñez',
  'Suárez',
  'Cárdenas',
  'Ospina',
  'Zuluaga',
  'Quintero',
  'Restrepo',
  'Mejía',
  'Cardona',
  'Arango',
  'Salazar',
  'Valencia',
  'Osorio',
  'Giraldo',
  'Londoño',
  'Betancur',
  'Montoya',
  'Echeverri',
  'Patiño',
  'Benítez',
];
const COUNTRIES = [
  'Colombia',
  'México',
  'Perú',
  'Chile',
  'Estados Unidos',
  'España',
  'Ecuador',
  'Panamá',
  'Argentina',
  'Brasil',
];

/** Report 10 plus a customer_name text column (≈87% distinct values at 1M rows). */
export const BENCH_COLUMNS: ColumnDef[] = [
  ...findReport(10)!.columns,
  { key: 'customer_name', header: 'CUSTOMER_NAME', type: 'text' },
];

/**
 * Report-10-shaped rows as the wire client leaves them. Built as JSON text and parsed, so the
 * strings are flat heap strings like real API data (concatenated strings would be slower).
 */
export function report10Rows(count: number, seed = 10): ReportRow[] {
  const rng = new Rng(seed);
  const start = Date.UTC(2026, 9, 1);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const national = `3${String(rng.int(30)).padStart(2, '0')}${String(rng.int(10_000_000)).padStart(7, '0')}`;
    const phone = rng.chance(0.9) ? `57${national}` : `+57 ${national}`;
    const name = `${rng.pick(FIRST)} ${rng.pick(FIRST)} ${rng.pick(LAST)} ${rng.pick(LAST)}`;
    parts.push(
      JSON.stringify({
        conn_id: String(100_000_000 + rng.int(900_000_000)),
        session_id: `${phone.replace(/\D/g, '')}.${rng.int(100_000)}.${rng.int(40)}`,
        date: start + rng.int(31 * 86_400) * 1000,
        customer_phone: phone,
        template: rng.chance(0.4),
        destiny: rng.pick(COUNTRIES),
        customer_name: name,
      }),
    );
  }
  return JSON.parse(`[${parts.join(',')}]`) as ReportRow[];
}
