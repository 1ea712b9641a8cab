/** Realistic values for the mock operation: a Latin American contact center. */

export const FIRST_NAMES = [
  'María José',
  'Andrés',
  'Sofía',
  'Camila',
  'Julián',
  'Valentina',
  'Sebastián',
  'Nicolás',
  'Luz Ángela',
  'Ximena',
  'Héctor',
  'Jhon Fredy',
  'Yesenia',
  'Martín',
  'Lucía',
  'Tomás',
  'Daniela',
  'José Luis',
  'Paola',
  'Iván',
  'Mónica',
  'Óscar',
  'Natalia',
  'Raúl',
] as const;

export const LAST_NAMES = [
  'Gómez',
  'Rodríguez',
  'Muñoz',
  'Peña',
  'Castaño',
  'Ibáñez',
  'Hernández',
  'López',
  'Pérez',
  'Martínez',
  'Díaz',
  'Ramírez',
  'Gutiérrez',
  'Sánchez',
  'Álvarez',
  'Ortiz',
  'Núñez',
  "O'Connor",
] as const;

export const AGENTS = [
  { id: '1001', name: 'Laura Beltrán', dni: '1020304050' },
  { id: '1002', name: 'Carlos Andrés Ruiz', dni: '79856321' },
  { id: '1003', name: 'Diana Marcela Ortiz', dni: '52147896' },
  { id: '1004', name: 'Jorge Iván Zapata', dni: '1036654123' },
  { id: '1005', name: 'Natalia Cañas', dni: '1152200333' },
  { id: '1006', name: 'Felipe Ángel Restrepo', dni: '98765432' },
  { id: '1007', name: 'Mariana Nuñez', dni: '43215678' },
  { id: '1008', name: 'Esteban Quintero', dni: '1017123456' },
] as const;

/** Destination markets: DESTINY as the mock sends it, dialing code, national number length. */
export const MARKETS = [
  { destiny: 'Colombia', code: '57', prefix: '3', length: 10, weight: 55 },
  { destiny: 'México', code: '52', prefix: '55', length: 10, weight: 14 },
  { destiny: 'Perú', code: '51', prefix: '9', length: 9, weight: 8 },
  { destiny: 'Chile', code: '56', prefix: '9', length: 9, weight: 5 },
  { destiny: 'Ecuador', code: '593', prefix: '9', length: 9, weight: 5 },
  { destiny: 'Argentina', code: '54', prefix: '911', length: 10, weight: 4 },
  { destiny: 'Brasil', code: '55', prefix: '11', length: 11, weight: 3 },
  { destiny: 'Panamá', code: '507', prefix: '6', length: 8, weight: 2 },
  { destiny: 'Estados Unidos', code: '1', prefix: '305', length: 10, weight: 2 },
  { destiny: 'España', code: '34', prefix: '6', length: 9, weight: 2 },
] as const;

/** Official WhatsApp connectors of the mock operation, with a template habit each. */
export const CONNECTORS = [
  { id: '3581', name: 'Ventas Colombia', templateShare: 0.72 },
  { id: '3582', name: 'Servicio al cliente', templateShare: 0.18 },
  { id: '3597', name: 'Cobranzas', templateShare: 0.55 },
  { id: '3610', name: 'Marketing México', templateShare: 0.88 },
] as const;

export const OPERATION = 'demolatam';

export const ACTIVITY_CODES = [
  { code: 'VENTA', description: 'Venta cerrada' },
  { code: 'INFO', description: 'Información general' },
  { code: 'PQR', description: 'Petición, queja o reclamo' },
  { code: 'SEGUIMIENTO', description: 'Seguimiento de pedido' },
  { code: 'COBRO', description: 'Gestión de cobro' },
] as const;

export const CUSTOMER_LINES = [
  'Hola, buenos días',
  'Quiero saber el estado de mi pedido #4521',
  'Me llegó la factura con un valor distinto, ¿me ayudan?',
  'Gracias, muy amable 🙏',
  'Necesito "urgente" el certificado, por favor',
  'Mi número es +57 300 123 4567, llámenme',
  '¿Tienen sede en Medellín, Bogotá o Cali?',
  'Ok 👍',
  '=HYPERLINK("http://example.com","clic")',
  'Les envío el comprobante\nquedo atento',
  '<img src=x onerror="alert(1)">',
] as const;

export const AGENT_LINES = [
  '¡Hola! Mi nombre es {agent}, ¿en qué te puedo ayudar?',
  'Con gusto, ya reviso tu caso.',
  'Tu pedido está "en camino", llega mañana entre 8:00 y 12:00.',
  'Te comparto el documento:',
  '¿Hay algo más en lo que te pueda ayudar? 😊',
  'Gracias por escribirnos, feliz día.',
] as const;

export const ATTACHMENTS = [
  '<a href="https://storage.googleapis.com/wolkvox-demo-media/chat/att/comprobante_4521.pdf" target="_blank">comprobante_4521.pdf</a>',
  '<a href="https://storage.googleapis.com/wolkvox-demo-media/chat/att/foto%20cedula.jpg">foto cedula.jpg</a>',
] as const;
