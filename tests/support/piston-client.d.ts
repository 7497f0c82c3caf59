/** piston-client ships no types: the one export the Piston suite uses. */
declare module 'piston-client' {
  export function piston(options?: { server?: string }): unknown;
}
