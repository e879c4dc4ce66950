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
export const wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined_______true_: (a: number, b: number, c: any, d: any) => void;
export const wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_: (a: number, b: number, c: any) => [number, number];
export const wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_: (a: number, b: number, c: any) => any;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __wbindgen_destroy_closure: (a: number, b: number) => void;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
