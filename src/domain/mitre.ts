/** MITRE ATT&CK ids for the SCC enum names we are likely to meet on agent findings. */
const TECHNIQUES: Record<string, { id: string; name: string }> = {
  ESCAPE_TO_HOST: { id: 'T1611', name: 'Escape to Host' },
  COMMAND_AND_SCRIPTING_INTERPRETER: { id: 'T1059', name: 'Command and Scripting Interpreter' },
  UNIX_SHELL: { id: 'T1059.004', name: 'Unix Shell' },
  INGRESS_TOOL_TRANSFER: { id: 'T1105', name: 'Ingress Tool Transfer' },
  EXPLOITATION_FOR_PRIVILEGE_ESCALATION: { id: 'T1068', name: 'Exploitation for Privilege Escalation' },
  NATIVE_API: { id: 'T1106', name: 'Native API' },
};

export function techniqueOf(enumName: string): { id: string; name: string; url: string } | undefined {
  const t = TECHNIQUES[enumName];
  return t && { ...t, url: `https://attack.mitre.org/techniques/${t.id.replace('.', '/')}/` };
}
