/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_mediaintelligence_free: (a: number, b: number) => void;
export const __wbg_ncpsigner_free: (a: number, b: number) => void;
export const createProxyHandler: (a: any) => [number, number, number];
export const isMediaIntelligenceError: (a: any) => number;
export const mediaintelligence_createWorkspace: (a: number, b: any, c: number) => any;
export const mediaintelligence_getWorkspace: (a: number, b: any, c: number) => any;
export const mediaintelligence_new: (a: any) => [number, number, number];
export const ncpsigner_new: (a: any) => [number, number, number];
export const ncpsigner_sign: (a: number, b: any, c: any, d: number) => [number, number, number];
export const signRequest: (a: any) => [number, number, number];
export const wasm_bindgen__convert__closures_____invoke__h60702a48838d1764: (a: number, b: number, c: any) => [number, number];
export const wasm_bindgen__convert__closures_____invoke__hb98d63cc49481475: (a: number, b: number, c: any, d: any) => void;
export const wasm_bindgen__convert__closures_____invoke__h117a8f26cef5566a: (a: number, b: number, c: any) => any;
export const wasm_bindgen__convert__closures_____invoke__had0583ad436379fd: (a: number, b: number) => void;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __wbindgen_destroy_closure: (a: number, b: number) => void;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
