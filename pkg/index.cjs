/* @ts-self-types="./index.d.cts" */
const __half_fetch = (() => {
"use strict";

const OK = 0, TIMEOUT = 1, ABORTED = 2, NETWORK = 3;
const TIMED_OUT = new Error("request timed out");

function send(fetchFn, url, method, headers, body, credentials, timeoutMs, signals) {
  return new Promise((resolve) => {
    const f = fetchFn ?? globalThis.fetch;
    if (typeof f !== "function") return resolve([NETWORK, "this runtime has no global fetch", undefined]);
    const fired = signals.find((s) => s.aborted);
    if (fired) return resolve([ABORTED, fired.reason]);
    const controller = new AbortController();
    let done = false;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    function onAbort() {
      controller.abort(this.reason);
      finish([ABORTED, this.reason]);
    }
    const timer = setTimeout(() => {
      controller.abort(TIMED_OUT);
      finish([TIMEOUT]);
    }, timeoutMs);
    for (const s of signals) s.addEventListener("abort", onAbort);
    const init = { method, headers: JSON.parse(headers), body, signal: controller.signal };
    if (credentials !== undefined) init.credentials = credentials;
    (async () => {
      const response = await f(url, init);
      if (response === null || typeof response !== "object" || typeof response.text !== "function") {
        throw new TypeError("fetch resolved to something other than a Response");
      }
      const text = await response.text();
      const status = response.status;
      const header = (name) => (status >= 300 ? response.headers.get(name) ?? undefined : undefined);
      finish([OK, status, text, header("date"), header("retry-after")]);
    })().catch((error) => finish([NETWORK, describe(error), error]));
  });
}

function sleep(ms, signals) {
  return new Promise((resolve) => {
    const fired = signals.find((s) => s.aborted);
    if (fired) return resolve([fired.reason]);
    const finish = (outcome) => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    function onAbort() {
      finish([this.reason]);
    }
    const timer = setTimeout(finish, ms);
    for (const s of signals) s.addEventListener("abort", onAbort);
  });
}

function describe(error) {
  try {
    const message = (value) => (value !== null && typeof value === "object" && typeof value.message === "string" ? value.message : undefined);
    const detail = message(error) ?? (typeof error === "string" ? error : "fetch failed");
    const inner = error !== null && typeof error === "object" ? message(error.cause) : undefined;
    return inner === undefined ? detail : `${detail} (${inner})`;
  } catch {
    return "fetch failed";
  }
}
return { send, sleep };
})();
const __half_js_proxy = (() => {
"use strict";

function readRequest(request) {
  if (!(request instanceof Request)) return null;
  try {
    const url = new URL(request.url);
    const names = [...request.headers.keys()];
    const origin = request.headers.get("origin") ?? undefined;
    const length = request.headers.get("content-length") ?? undefined;
    return [request.method, request.url, url.pathname, url.search, origin, url.origin, names, length];
  } catch {
    return null;
  }
}

async function readBody(request) {
  try {
    return await request.text();
  } catch {
    return "";
  }
}

async function authorize(check, request) {
  let copy;
  try {
    copy = request.clone();
  } catch {
    return 3;
  }
  try {
    return (await check(copy)) ? 0 : 1;
  } catch {
    return 2;
  }
}

function respond(status, body, headers) {
  const text = status === 204 || status === 304 ? null : body ?? null;
  try {
    return new Response(text, { status, headers: JSON.parse(headers) });
  } catch {
    return new Response(null, { status: 502 });
  }
}
return { readRequest, readBody, authorize, respond };
})();
const __half_js_sign = (() => {
"use strict";
function signatureHeaders(timestamp, accessKey, signature) {
  return { "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": accessKey, "x-ncp-apigw-signature-v2": signature };
}

function knownOptions(options, known) {
  try {
    if (typeof options !== "object" || options === null) return null;
    const proto = Object.getPrototypeOf(options);
    if (proto !== Object.prototype && proto !== null) return null;
    const names = Object.getOwnPropertyNames(options);
    for (let i = 0; i < names.length; i++) if (!known.includes(names[i])) return null;
    return known.map((name) => options[name]);
  } catch {
    return null;
  }
}
return { signatureHeaders, knownOptions };
})();
const { send } = __half_fetch;
const { respond } = __half_js_proxy;
const { knownOptions, signatureHeaders } = __half_js_sign;

class MediaIntelligence {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        MediaIntelligenceFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_mediaintelligence_free(ptr, 0);
    }
    createWorkspace(options, requestOptions) {
        const ret = wasm.mediaintelligence_createWorkspace(this.__wbg_ptr, options, isLikeNone(requestOptions) ? 0 : addToExternrefTable0(requestOptions));
        return ret;
    }
    getWorkspace(workspaceName, requestOptions) {
        const ret = wasm.mediaintelligence_getWorkspace(this.__wbg_ptr, workspaceName, isLikeNone(requestOptions) ? 0 : addToExternrefTable0(requestOptions));
        return ret;
    }
    constructor(options) {
        const ret = wasm.mediaintelligence_new(options);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        MediaIntelligenceFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
}
if (Symbol.dispose) MediaIntelligence.prototype[Symbol.dispose] = MediaIntelligence.prototype.free;
exports.MediaIntelligence = MediaIntelligence;

class NcpSigner {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        NcpSignerFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_ncpsigner_free(ptr, 0);
    }
    constructor(options) {
        const ret = wasm.ncpsigner_new(options);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        NcpSignerFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    sign(method, uri, timestamp) {
        const ret = wasm.ncpsigner_sign(this.__wbg_ptr, method, uri, isLikeNone(timestamp) ? 0 : addToExternrefTable0(timestamp));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) NcpSigner.prototype[Symbol.dispose] = NcpSigner.prototype.free;
exports.NcpSigner = NcpSigner;

function createProxyHandler(options) {
    const ret = wasm.createProxyHandler(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}
exports.createProxyHandler = createProxyHandler;

function isMediaIntelligenceError(error) {
    const ret = wasm.isMediaIntelligenceError(error);
    return ret !== 0;
}
exports.isMediaIntelligenceError = isMediaIntelligenceError;

function signRequest(options) {
    const ret = wasm.signRequest(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}
exports.signRequest = signRequest;
const import1 = __half_js_proxy;
const import2 = __half_fetch;
const import3 = __half_js_proxy;
const import4 = __half_js_proxy;

function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg___wbindgen_boolean_get_4f1baf9a00be3c74: function(arg0) {
            const v = arg0;
            const ret = typeof(v) === 'boolean' ? v : undefined;
            return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
        },
        __wbg___wbindgen_is_function_741ff2bb612836f5: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_object_8b968c3ab8e96595: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        __wbg___wbindgen_jsval_eq_38d7bfbe4cc84039: function(arg0, arg1) {
            const ret = arg0 === arg1;
            return ret;
        },
        __wbg___wbindgen_number_get_934b640d0889af78: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_string_get_7ce8eee7fd327545: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        __wbg___wbindgen_typeof_ee4990276e02f607: function(arg0) {
            const ret = typeof arg0;
            return ret;
        },
        __wbg__wbg_cb_unref_09736879a3f67559: function(arg0) {
            arg0._wbg_cb_unref();
        },
        __wbg_call_39cb4c19119c3775: function(arg0, arg1) {
            const ret = Array.prototype.join.call(arg0, arg1);
            return ret;
        },
        __wbg_call_a410eb4b59ed5965: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = arg0.call(arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_charCodeAt_851946d8f1279e11: function(arg0, arg1) {
            const ret = arg0.charCodeAt(arg1 >>> 0);
            return ret;
        },
        __wbg_from_eac91875c8a5ffa4: function(arg0) {
            const ret = Array.from(arg0);
            return ret;
        },
        __wbg_getOwnPropertyNames_99ddd11fae3125a4: function() { return handleError(function (arg0) {
            const ret = Object.getOwnPropertyNames(arg0);
            return ret;
        }, arguments); },
        __wbg_getPrototypeOf_8fbf04523e13de29: function() { return handleError(function (arg0) {
            const ret = Reflect.getPrototypeOf(arg0);
            return ret;
        }, arguments); },
        __wbg_get_2080c49015e35254: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_get_3a0f5510f6ee602c: function() { return handleError(function (arg0, arg1) {
            const ret = arg0[arg1];
            return ret;
        }, arguments); },
        __wbg_get_d7176cfb76d71114: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        __wbg_get_unchecked_e6325ad374eff861: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        __wbg_instanceof_AbortSignal_16e867a9888f3bc7: function(arg0) {
            let result;
            try {
                result = arg0 instanceof AbortSignal;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Array_ff00140877e0a911: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Array;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Error_74e3cca0c4a69161: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Error;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_isArray_bcf1376d0d732d08: function(arg0) {
            const ret = Array.isArray(arg0);
            return ret;
        },
        __wbg_knownOptions_d43e99b43a9e6f37: function(arg0, arg1) {
            const ret = knownOptions(arg0, arg1);
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_length_b03a0fabb109b1e9: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_e83e819f48c774e4: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_new_37eb45aaf5eeb820: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_new_787b9fb330d55d78: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_typed_e09da9dae6ee5935: function(arg0, arg1) {
            try {
                var state0 = {a: arg0, b: arg1};
                var cb0 = (arg0, arg1) => {
                    const a = state0.a;
                    state0.a = 0;
                    try {
                        return wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined_______true_(a, state0.b, arg0, arg1);
                    } finally {
                        state0.a = a;
                    }
                };
                const ret = new Promise(cb0);
                return ret;
            } finally {
                state0.a = 0;
            }
        },
        __wbg_now_463ac581d2fc7ea3: function() {
            const ret = Date.now();
            return ret;
        },
        __wbg_ownKeys_c9890d5405932253: function() { return handleError(function (arg0) {
            const ret = Reflect.ownKeys(arg0);
            return ret;
        }, arguments); },
        __wbg_parse_c3f72b5a24f83c01: function() { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_push_c9f4893fc209f768: function(arg0, arg1) {
            const ret = arg0.push(arg1);
            return ret;
        },
        __wbg_queueMicrotask_1e8503a8a690f0a3: function(arg0) {
            const ret = arg0.queueMicrotask;
            return ret;
        },
        __wbg_queueMicrotask_4a1a4d8dd332373b: function(arg0) {
            queueMicrotask(arg0);
        },
        __wbg_random_df36b90cd78a7d54: function() {
            const ret = Math.random();
            return ret;
        },
        __wbg_resolve_dbf78ab4942478b0: function(arg0) {
            const ret = Promise.resolve(arg0);
            return ret;
        },
        __wbg_respond_b1e236437492985c: function(arg0, arg1, arg2, arg3, arg4) {
            let v0;
            if (arg1 !== 0) {
                v0 = getStringFromWasm0(arg1, arg2);
                wasm.__wbindgen_free(arg1, arg2 * 1, 1);
            }
            const ret = respond(arg0, v0, getStringFromWasm0(arg3, arg4));
            return ret;
        },
        __wbg_send_b5ffc9925b19e91c: function(arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7, arg8, arg9, arg10, arg11, arg12) {
            let v0;
            if (arg7 !== 0) {
                v0 = getStringFromWasm0(arg7, arg8);
                wasm.__wbindgen_free(arg7, arg8 * 1, 1);
            }
            let v1;
            if (arg9 !== 0) {
                v1 = getStringFromWasm0(arg9, arg10);
                wasm.__wbindgen_free(arg9, arg10 * 1, 1);
            }
            const ret = send(arg0, getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4), getStringFromWasm0(arg5, arg6), v0, v1, arg11 >>> 0, arg12);
            return ret;
        },
        __wbg_set_2793479888329cb6: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_set_name_822e3903f3184979: function(arg0, arg1, arg2) {
            arg0.name = getStringFromWasm0(arg1, arg2);
        },
        __wbg_signatureHeaders_80b4f17d53e775fa: function(arg0, arg1, arg2, arg3) {
            const ret = signatureHeaders(arg0, arg1, getStringFromWasm0(arg2, arg3));
            return ret;
        },
        __wbg_static_accessor_GLOBAL_THIS_003ee833af9699fc: function() {
            const ret = typeof globalThis === 'undefined' ? undefined : globalThis;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_GLOBAL_e4293fb22cbe77da: function() {
            const ret = typeof global === 'undefined' ? undefined : global;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_SELF_53bb20457401453d: function() {
            const ret = typeof self === 'undefined' ? undefined : self;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_WINDOW_b5e0810bfecb7feb: function() {
            const ret = typeof window === 'undefined' ? undefined : window;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_then_656f253a5dd7d8ea: function(arg0, arg1, arg2) {
            const ret = arg0.then(arg1, arg2);
            return ret;
        },
        __wbg_then_e3f7f2d365708be8: function(arg0, arg1) {
            const ret = arg0.then(arg1);
            return ret;
        },
        __wbindgen_generic_0000000000000001: function(arg0, arg1) {
            const ret = makeClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_);
            return ret;
        },
        __wbindgen_generic_0000000000000002: function(arg0, arg1) {
            const ret = makeMutClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_);
            return ret;
        },
        __wbindgen_generic_0000000000000003: function(arg0) {
            const ret = arg0;
            return ret;
        },
        __wbindgen_generic_0000000000000004: function(arg0, arg1) {
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "./ncloud_media_intelligence_bg.js": import0,
        "./snippets/ncloud-media-intelligence-5277bd6eb67f5077/src/js_proxy.js": import1,
        "./snippets/ncloud-media-intelligence-5277bd6eb67f5077/src/fetch.js": import2,
        "./snippets/ncloud-media-intelligence-5277bd6eb67f5077/src/js_proxy.js": import3,
        "./snippets/ncloud-media-intelligence-5277bd6eb67f5077/src/js_proxy.js": import4,
    };
}

function wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_(arg0, arg1, arg2) {
    const ret = wasm.wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_(arg0, arg1, arg2);
    return ret;
}

function wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_(arg0, arg1, arg2) {
    const ret = wasm.wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_(arg0, arg1, arg2);
    if (ret[1]) {
        throw takeFromExternrefTable0(ret[0]);
    }
}

function wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined_______true_(arg0, arg1, arg2, arg3) {
    wasm.wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined___js_sys_d3b3c5c55f495519___Function_fn_wasm_bindgen_ee16e44adbc3e285___JsValue_____wasm_bindgen_ee16e44adbc3e285___sys__Undefined_______true_(arg0, arg1, arg2, arg3);
}

const MediaIntelligenceFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_mediaintelligence_free(ptr, 1));
const NcpSignerFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_ncpsigner_free(ptr, 1));

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

const CLOSURE_DTORS = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(state => wasm.__wbindgen_destroy_closure(state.a, state.b));

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function makeClosure(arg0, arg1, f) {
    const state = { a: arg0, b: arg1, cnt: 1 };
    const real = (...args) => {

        state.cnt++;
        try {
            return f(state.a, state.b, ...args);
        } finally {
            real._wbg_cb_unref();
        }
    };
    real._wbg_cb_unref = () => {
        if (--state.cnt === 0) {
            wasm.__wbindgen_destroy_closure(state.a, state.b);
            state.a = 0;
            CLOSURE_DTORS.unregister(state);
        }
    };
    CLOSURE_DTORS.register(real, state, state);
    return real;
}

function makeMutClosure(arg0, arg1, f) {
    const state = { a: arg0, b: arg1, cnt: 1 };
    const real = (...args) => {

        state.cnt++;
        const a = state.a;
        state.a = 0;
        try {
            return f(a, state.b, ...args);
        } finally {
            state.a = a;
            real._wbg_cb_unref();
        }
    };
    real._wbg_cb_unref = () => {
        if (--state.cnt === 0) {
            wasm.__wbindgen_destroy_closure(state.a, state.b);
            state.a = 0;
            CLOSURE_DTORS.unregister(state);
        }
    };
    CLOSURE_DTORS.register(real, state, state);
    return real;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
function decodeText(bytes) {
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

const wasmPath = `${__dirname}/ncloud_media_intelligence_bg.wasm`;
const wasmBytes = require('fs').readFileSync(wasmPath);
const wasmModule = new WebAssembly.Module(wasmBytes);
let wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
let wasm = wasmInstance.exports;
wasm.__wbindgen_start();
exports.init = async () => {};
exports.initSync = () => {};
