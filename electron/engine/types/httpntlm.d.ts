/** The NTLM message functions of httpntlm (CommonJS, no types of its own). */
declare module 'httpntlm/ntlm.js' {
  export interface Type2Message {
    serverChallenge: Buffer;
    negotiateFlags: number;
    targetName: Buffer;
    targetInfo?: Buffer;
  }
  export function createType1Message(options: { domain?: string; workstation?: string }): string;
  export function parseType2Message(raw: string, callback: (error: Error) => void): Type2Message | null;
  export function createType3Message(type2: Type2Message, options: { username: string; password: string; domain?: string; workstation?: string }): string;
  /** MD4 of the UTF-16LE password (the NT hash). */
  export function create_NT_hashed_password(password: string): Buffer;
  const ntlm: {
    create_NT_hashed_password: typeof create_NT_hashed_password;
    createType1Message: typeof createType1Message;
    parseType2Message: typeof parseType2Message;
    createType3Message: typeof createType3Message;
  };
  export default ntlm;
}
