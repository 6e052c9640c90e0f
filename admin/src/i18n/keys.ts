/** Pure helpers to compare message trees; used by the completeness test. */
export type MessageTree = { [key: string]: MessageTree | string | undefined };

/** Every leaf key of a message tree in dotted form, sorted: `ra.action.save`, `roles.case_manager`… */
export function messageKeys(tree: MessageTree, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.push(path);
    else if (value) keys.push(...messageKeys(value, path));
  }
  return keys.sort();
}

/** Keys that `reference` has and `candidate` lacks. */
export function missingKeys(reference: MessageTree, candidate: MessageTree): string[] {
  const have = new Set(messageKeys(candidate));
  return messageKeys(reference).filter((key) => !have.has(key));
}
