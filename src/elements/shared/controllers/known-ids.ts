/**
 * Venue record ids known to have happened, one set per page connection: every element of the page
 * excludes them from its look-ups. Two panels that borrow the same amount a moment apart must not
 * take each other's loan for their own lost one (a `SubmitterPorts.knownIds`).
 */
const knownPerConnection = new WeakMap<object, Set<string>>();

export function knownIdsOf(connection: object): Set<string> {
  let known = knownPerConnection.get(connection);
  if (!known) knownPerConnection.set(connection, (known = new Set()));
  return known;
}
