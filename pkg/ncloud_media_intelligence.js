/* @ts-self-types="./ncloud_media_intelligence.d.ts" */

export class MediaIntelligence {
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
    addPersonTags(options, request_options) {
        const ret = wasm.mediaintelligence_addPersonTags(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    addPersonThumbnails(options, request_options) {
        const ret = wasm.mediaintelligence_addPersonThumbnails(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    assetSearchResults(options, request_options) {
        const ret = wasm.mediaintelligence_assetSearchResults(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    assets(options, request_options) {
        const ret = wasm.mediaintelligence_assets(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    cancelIndex(options, request_options) {
        const ret = wasm.mediaintelligence_cancelIndex(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    cancelSceneSummary(options, request_options) {
        const ret = wasm.mediaintelligence_cancelSceneSummary(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    completePersonThumbnailUpload(options, request_options) {
        const ret = wasm.mediaintelligence_completePersonThumbnailUpload(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    completeSearchImageUpload(options, request_options) {
        const ret = wasm.mediaintelligence_completeSearchImageUpload(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    createPersonTag(options, request_options) {
        const ret = wasm.mediaintelligence_createPersonTag(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    createPersonThumbnailUploadUrl(options, request_options) {
        const ret = wasm.mediaintelligence_createPersonThumbnailUploadUrl(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    createPerson(options, request_options) {
        const ret = wasm.mediaintelligence_createPerson(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    createProject(options, request_options) {
        const ret = wasm.mediaintelligence_createProject(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    createSearchImageUploadUrl(options, request_options) {
        const ret = wasm.mediaintelligence_createSearchImageUploadUrl(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    createWorkspace(options, request_options) {
        const ret = wasm.mediaintelligence_createWorkspace(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    deleteAsset(options, request_options) {
        const ret = wasm.mediaintelligence_deleteAsset(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    deleteIndex(options, request_options) {
        const ret = wasm.mediaintelligence_deleteIndex(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    deletePersonTag(options, request_options) {
        const ret = wasm.mediaintelligence_deletePersonTag(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    deletePerson(options, request_options) {
        const ret = wasm.mediaintelligence_deletePerson(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    deleteProject(options, request_options) {
        const ret = wasm.mediaintelligence_deleteProject(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    deleteWorkspace(workspaceName, request_options) {
        const ret = wasm.mediaintelligence_deleteWorkspace(this.__wbg_ptr, workspaceName, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getAssetImportStatus(options, request_options) {
        const ret = wasm.mediaintelligence_getAssetImportStatus(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getAssetSearchResult(options, request_options) {
        const ret = wasm.mediaintelligence_getAssetSearchResult(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getAsset(options, request_options) {
        const ret = wasm.mediaintelligence_getAsset(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getIndexStatus(options, request_options) {
        const ret = wasm.mediaintelligence_getIndexStatus(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getIndex(options, request_options) {
        const ret = wasm.mediaintelligence_getIndex(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getPerson(options, request_options) {
        const ret = wasm.mediaintelligence_getPerson(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getProject(options, request_options) {
        const ret = wasm.mediaintelligence_getProject(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getSceneSummaryStatus(options, request_options) {
        const ret = wasm.mediaintelligence_getSceneSummaryStatus(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getSceneSummary(options, request_options) {
        const ret = wasm.mediaintelligence_getSceneSummary(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    getWorkspace(workspaceName, request_options) {
        const ret = wasm.mediaintelligence_getWorkspace(this.__wbg_ptr, workspaceName, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    importAsset(options, request_options) {
        const ret = wasm.mediaintelligence_importAsset(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    listAssets(options, request_options) {
        const ret = wasm.mediaintelligence_listAssets(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    listPersonTags(options, request_options) {
        const ret = wasm.mediaintelligence_listPersonTags(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    listPersons(options, request_options) {
        const ret = wasm.mediaintelligence_listPersons(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    listProjects(options, request_options) {
        const ret = wasm.mediaintelligence_listProjects(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    listSimilarPersons(options, request_options) {
        const ret = wasm.mediaintelligence_listSimilarPersons(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    listWorkspaces(options, request_options) {
        const ret = wasm.mediaintelligence_listWorkspaces(this.__wbg_ptr, isLikeNone(options) ? 0 : addToExternrefTable0(options), isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    mergePersons(options, request_options) {
        const ret = wasm.mediaintelligence_mergePersons(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    moveAsset(options, request_options) {
        const ret = wasm.mediaintelligence_moveAsset(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
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
    personTags(options, request_options) {
        const ret = wasm.mediaintelligence_personTags(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    persons(options, request_options) {
        const ret = wasm.mediaintelligence_persons(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    recommendPersonsByThumbnail(options, request_options) {
        const ret = wasm.mediaintelligence_recommendPersonsByThumbnail(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    removePersonTags(options, request_options) {
        const ret = wasm.mediaintelligence_removePersonTags(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    removePersonThumbnails(options, request_options) {
        const ret = wasm.mediaintelligence_removePersonThumbnails(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    requestIndex(options, request_options) {
        const ret = wasm.mediaintelligence_requestIndex(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    requestSceneSummary(options, request_options) {
        const ret = wasm.mediaintelligence_requestSceneSummary(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    searchAssetsAndWait(params, options) {
        const ret = wasm.mediaintelligence_searchAssetsAndWait(this.__wbg_ptr, params, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        return ret;
    }
    searchAssets(options, request_options) {
        const ret = wasm.mediaintelligence_searchAssets(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    searchPersons(options, request_options) {
        const ret = wasm.mediaintelligence_searchPersons(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    updatePerson(options, request_options) {
        const ret = wasm.mediaintelligence_updatePerson(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    updateProject(options, request_options) {
        const ret = wasm.mediaintelligence_updateProject(this.__wbg_ptr, options, isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        return ret;
    }
    uploadPersonThumbnail(params, data, options) {
        const ret = wasm.mediaintelligence_uploadPersonThumbnail(this.__wbg_ptr, params, data, options);
        return ret;
    }
    uploadSearchImage(data, options) {
        const ret = wasm.mediaintelligence_uploadSearchImage(this.__wbg_ptr, data, options);
        return ret;
    }
    waitForAssetImport(params, options) {
        const ret = wasm.mediaintelligence_waitForAssetImport(this.__wbg_ptr, params, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        return ret;
    }
    waitForAssetSearch(params, options) {
        const ret = wasm.mediaintelligence_waitForAssetSearch(this.__wbg_ptr, params, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        return ret;
    }
    waitForIndex(params, options) {
        const ret = wasm.mediaintelligence_waitForIndex(this.__wbg_ptr, params, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        return ret;
    }
    waitForSceneSummary(params, options) {
        const ret = wasm.mediaintelligence_waitForSceneSummary(this.__wbg_ptr, params, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        return ret;
    }
    workspaces(options, request_options) {
        const ret = wasm.mediaintelligence_workspaces(this.__wbg_ptr, isLikeNone(options) ? 0 : addToExternrefTable0(options), isLikeNone(request_options) ? 0 : addToExternrefTable0(request_options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) MediaIntelligence.prototype[Symbol.dispose] = MediaIntelligence.prototype.free;

export class NcpSigner {
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

export function createProxyHandler(options) {
    const ret = wasm.createProxyHandler(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

export function isMediaIntelligenceError(error) {
    const ret = wasm.isMediaIntelligenceError(error);
    return ret !== 0;
}

export function signRequest(options) {
    const ret = wasm.signRequest(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_Error_208446807d0d1e30: function(arg0, arg1) {
            const ret = Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_Number_ff192a72a0dcdf6d: function(arg0) {
            const ret = Number(arg0);
            return ret;
        },
        __wbg_String_8564e559799eccda: function(arg0, arg1) {
            const ret = String(arg1);
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_bigint_get_as_i64_11da4b52cd0aedef: function(arg0, arg1) {
            const v = arg1;
            const ret = typeof(v) === 'bigint' ? v : undefined;
            getDataViewMemory0().setBigInt64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? BigInt(0) : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_boolean_get_4f1baf9a00be3c74: function(arg0) {
            const v = arg0;
            const ret = typeof(v) === 'boolean' ? v : undefined;
            return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
        },
        __wbg___wbindgen_in_3f58a9d3b3a7eed2: function(arg0, arg1) {
            const ret = arg0 in arg1;
            return ret;
        },
        __wbg___wbindgen_is_bigint_5fa10641e039d3ef: function(arg0) {
            const ret = typeof(arg0) === 'bigint';
            return ret;
        },
        __wbg___wbindgen_is_falsy_d864b623500ae65d: function(arg0) {
            const ret = !arg0;
            return ret;
        },
        __wbg___wbindgen_is_function_741ff2bb612836f5: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_null_or_undefined_fb96af93c75460ae: function(arg0) {
            const ret = arg0 == null;
            return ret;
        },
        __wbg___wbindgen_is_object_8b968c3ab8e96595: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        __wbg___wbindgen_is_string_fc456fee5d3317de: function(arg0) {
            const ret = typeof(arg0) === 'string';
            return ret;
        },
        __wbg___wbindgen_is_symbol_f846131a047725ea: function(arg0) {
            const ret = typeof(arg0) === 'symbol';
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
        __wbg___wbindgen_jsval_loose_eq_b2f214e2e4b30e36: function(arg0, arg1) {
            const ret = arg0 == arg1;
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
        __wbg_abort_d3b62653236ec492: function(arg0, arg1) {
            arg0.abort(arg1);
        },
        __wbg_aborted_31456edf1be00084: function(arg0) {
            const ret = arg0.aborted;
            return ret;
        },
        __wbg_addEventListener_847fd86b8c33ec43: function() { return handleError(function (arg0, arg1, arg2, arg3) {
            arg0.addEventListener(getStringFromWasm0(arg1, arg2), arg3);
        }, arguments); },
        __wbg_append_ba9a4dc30a0323fd: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
            arg0.append(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
        }, arguments); },
        __wbg_arrayBuffer_5abbcb61bd48f427: function(arg0) {
            const ret = arg0.arrayBuffer();
            return ret;
        },
        __wbg_assign_6b6bb30388088072: function(arg0, arg1) {
            const ret = Object.assign(arg0, arg1);
            return ret;
        },
        __wbg_asyncIterator_3c3b9047761412e4: function() {
            const ret = Symbol.asyncIterator;
            return ret;
        },
        __wbg_body_0da01a9a056907d8: function(arg0) {
            const ret = arg0.body;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_byteLength_fa48f24814f5ef46: function(arg0) {
            const ret = arg0.byteLength;
            return ret;
        },
        __wbg_call_40b008ba32f73991: function() { return handleError(function (arg0, arg1) {
            const ret = arg0.call(arg1);
            return ret;
        }, arguments); },
        __wbg_call_a410eb4b59ed5965: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = arg0.call(arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_call_fc92fee6137d452d: function() { return handleError(function (arg0, arg1, arg2, arg3) {
            const ret = arg0.call(arg1, arg2, arg3);
            return ret;
        }, arguments); },
        __wbg_cancel_267512f685fb84c3: function(arg0) {
            const ret = arg0.cancel();
            return ret;
        },
        __wbg_cancel_b195250778e9d8e7: function(arg0) {
            const ret = arg0.cancel();
            return ret;
        },
        __wbg_cause_4cdda1b55a30b227: function(arg0) {
            const ret = arg0.cause;
            return ret;
        },
        __wbg_charCodeAt_851946d8f1279e11: function(arg0, arg1) {
            const ret = arg0.charCodeAt(arg1 >>> 0);
            return ret;
        },
        __wbg_clearTimeout_b754eeb3a42130bd: function(arg0) {
            clearTimeout(arg0);
        },
        __wbg_clone_a0934ceb1865184d: function() { return handleError(function (arg0) {
            const ret = arg0.clone();
            return ret;
        }, arguments); },
        __wbg_decode_53265f1e60d27ae2: function(arg0, arg1) {
            const ret = arg0.decode(arg1);
            return ret;
        },
        __wbg_deleteProperty_3ad7a085da623822: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.deleteProperty(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_done_57e08d0be6e30c02: function(arg0) {
            const ret = arg0.done;
            return ret;
        },
        __wbg_entries_7bb1459bd9b5c2b9: function(arg0) {
            const ret = Object.entries(arg0);
            return ret;
        },
        __wbg_error_576ea25623813aef: function() {
            const ret = Response.error();
            return ret;
        },
        __wbg_for_e12451d86fef973f: function(arg0, arg1) {
            const ret = Symbol.for(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_from_eac91875c8a5ffa4: function(arg0) {
            const ret = Array.from(arg0);
            return ret;
        },
        __wbg_getPrototypeOf_8fbf04523e13de29: function() { return handleError(function (arg0) {
            const ret = Reflect.getPrototypeOf(arg0);
            return ret;
        }, arguments); },
        __wbg_getReader_fadcafe607253a67: function(arg0) {
            const ret = arg0.getReader();
            return ret;
        },
        __wbg_get_2080c49015e35254: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_get_556f1c9a5c587e8c: function() { return handleError(function (arg0, arg1, arg2, arg3) {
            const ret = arg1.get(getStringFromWasm0(arg2, arg3));
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        }, arguments); },
        __wbg_get_635eea311fa1a291: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_get_bb8b6b35041e00c9: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1 >>> 0);
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
        __wbg_get_with_ref_key_fc601247060b7204: function(arg0, arg1) {
            const ret = arg0[arg1];
            return ret;
        },
        __wbg_has_2c4d5cf25ec8c1cf: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.has(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_headers_5fc0106c076eb731: function(arg0) {
            const ret = arg0.headers;
            return ret;
        },
        __wbg_host_68f98460c7328ca5: function(arg0, arg1) {
            const ret = arg1.host;
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
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
        __wbg_instanceof_ArrayBuffer_12cdaa4161423e6b: function(arg0) {
            let result;
            try {
                result = arg0 instanceof ArrayBuffer;
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
        __wbg_instanceof_Blob_56431c8f5387c12d: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Blob;
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
        __wbg_instanceof_Headers_3856949bb85a482d: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Headers;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Map_0b4fc8b62e73f163: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Map;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Promise_59148c6049d0e3a0: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Promise;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_ReadableStreamDefaultReader_2fe8bbe95ede87e3: function(arg0) {
            let result;
            try {
                result = arg0 instanceof ReadableStreamDefaultReader;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_ReadableStream_ac28304925ec0f96: function(arg0) {
            let result;
            try {
                result = arg0 instanceof ReadableStream;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Request_8f09038945bb6bd9: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Request;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Response_5b0b4f7f1daeae51: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Response;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_instanceof_Uint8Array_d7aeb0dcb3108fea: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Uint8Array;
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
        __wbg_isInteger_9417c11bb553f6cd: function(arg0) {
            const ret = Number.isInteger(arg0);
            return ret;
        },
        __wbg_isSafeInteger_1a35ba4d31e71d38: function(arg0) {
            const ret = Number.isSafeInteger(arg0);
            return ret;
        },
        __wbg_isWellFormed_9e12b0337ba4dfeb: function(arg0) {
            const ret = arg0.isWellFormed();
            return ret;
        },
        __wbg_is_2248ff2b575d60c7: function(arg0, arg1) {
            const ret = Object.is(arg0, arg1);
            return ret;
        },
        __wbg_iterator_e4c5e8f68ada7b58: function() {
            const ret = Symbol.iterator;
            return ret;
        },
        __wbg_keys_105f5c0857898f84: function(arg0) {
            const ret = Object.keys(arg0);
            return ret;
        },
        __wbg_length_186163212ffe79c3: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_b03a0fabb109b1e9: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_e83e819f48c774e4: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_message_43d8c8f1d543a349: function(arg0) {
            const ret = arg0.message;
            return ret;
        },
        __wbg_name_d1fa514fdca6a975: function(arg0) {
            const ret = arg0.name;
            return ret;
        },
        __wbg_new_13de428334042d26: function(arg0) {
            const ret = new Uint8Array(arg0);
            return ret;
        },
        __wbg_new_277c27c26f94cbc2: function() { return handleError(function () {
            const ret = new Headers();
            return ret;
        }, arguments); },
        __wbg_new_37eb45aaf5eeb820: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_new_5f28518387ad0e34: function() { return handleError(function () {
            const ret = new AbortController();
            return ret;
        }, arguments); },
        __wbg_new_787b9fb330d55d78: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_96baed0986e0d99f: function() { return handleError(function (arg0, arg1) {
            const ret = new URL(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_new_b0f6715afbb99966: function() { return handleError(function () {
            const ret = new TextDecoder();
            return ret;
        }, arguments); },
        __wbg_new_ba40181b3f24ac80: function(arg0, arg1) {
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
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_no_args_7dba612d766302e4: function(arg0, arg1) {
            const ret = new Function(getStringFromWasm0(arg0, arg1));
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
        __wbg_new_with_length_01b143a7e5dd5a3e: function(arg0) {
            const ret = new Uint8Array(arg0 >>> 0);
            return ret;
        },
        __wbg_new_with_opt_str_and_init_6456bed24baae6fc: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = new Response(arg0 === 0 ? undefined : getStringFromWasm0(arg0, arg1), arg2);
            return ret;
        }, arguments); },
        __wbg_next_178c1651c11432b3: function(arg0) {
            const ret = arg0.next;
            return ret;
        },
        __wbg_next_af5ac6a08bb0a717: function() { return handleError(function (arg0) {
            const ret = arg0.next();
            return ret;
        }, arguments); },
        __wbg_now_463ac581d2fc7ea3: function() {
            const ret = Date.now();
            return ret;
        },
        __wbg_origin_fba7d3755dd37895: function(arg0, arg1) {
            const ret = arg1.origin;
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg_ownKeys_c9890d5405932253: function() { return handleError(function (arg0) {
            const ret = Reflect.ownKeys(arg0);
            return ret;
        }, arguments); },
        __wbg_parse_b0109e7c17133cc9: function() { return handleError(function (arg0) {
            const ret = JSON.parse(arg0);
            return ret;
        }, arguments); },
        __wbg_parse_db19ce9de46824f7: function(arg0, arg1) {
            const ret = Date.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_pathname_0a541f1ec71ba5a7: function(arg0, arg1) {
            const ret = arg1.pathname;
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg_prototypesetcall_13162965d1fe7aa3: function(arg0, arg1, arg2) {
            Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
        },
        __wbg_push_c9f4893fc209f768: function(arg0, arg1) {
            const ret = arg0.push(arg1);
            return ret;
        },
        __wbg_put_0b3a0f2410d0116e: function(arg0, arg1, arg2, arg3) {
            arg0[arg1] = getStringFromWasm0(arg2, arg3);
        },
        __wbg_put_js_eac98c6229c641cb: function(arg0, arg1, arg2) {
            arg0[arg1] = arg2;
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
        __wbg_read_e3bea75dace70752: function(arg0) {
            const ret = arg0.read();
            return ret;
        },
        __wbg_read_key_81a18d98a8a748ab: function(arg0, arg1) {
            const ret = arg0[arg1];
            return ret;
        },
        __wbg_reason_ebc3432467af6eae: function(arg0) {
            const ret = arg0.reason;
            return ret;
        },
        __wbg_removeEventListener_4e20bd5fac3de092: function() { return handleError(function (arg0, arg1, arg2, arg3) {
            arg0.removeEventListener(getStringFromWasm0(arg1, arg2), arg3);
        }, arguments); },
        __wbg_resolve_dbf78ab4942478b0: function(arg0) {
            const ret = Promise.resolve(arg0);
            return ret;
        },
        __wbg_search_88703ce66d1580b3: function(arg0, arg1) {
            const ret = arg1.search;
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg_setTimeout_34f136550a5bc112: function(arg0, arg1) {
            const ret = setTimeout(arg0, arg1);
            return ret;
        },
        __wbg_set_118fefd528ab0a79: function(arg0, arg1, arg2) {
            arg0.set(arg1, arg2 >>> 0);
        },
        __wbg_set_2793479888329cb6: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_set_body_877d5251e78ca815: function(arg0, arg1) {
            arg0.body = arg1;
        },
        __wbg_set_credentials_bb5277b4006149d4: function(arg0, arg1) {
            arg0.credentials = __wbindgen_enum_RequestCredentials[arg1];
        },
        __wbg_set_headers_07f10dbe49bc0e77: function(arg0, arg1) {
            arg0.headers = arg1;
        },
        __wbg_set_headers_6d75a7df4eb22716: function(arg0, arg1) {
            arg0.headers = arg1;
        },
        __wbg_set_method_639e69af35614d36: function(arg0, arg1, arg2) {
            arg0.method = getStringFromWasm0(arg1, arg2);
        },
        __wbg_set_name_822e3903f3184979: function(arg0, arg1, arg2) {
            arg0.name = getStringFromWasm0(arg1, arg2);
        },
        __wbg_set_redirect_a95a432ab7d10765: function(arg0, arg1) {
            arg0.redirect = __wbindgen_enum_RequestRedirect[arg1];
        },
        __wbg_set_signal_0b2eee78907e5ba7: function(arg0, arg1) {
            arg0.signal = arg1;
        },
        __wbg_set_status_bd9dc81d1c17b108: function(arg0, arg1) {
            arg0.status = arg1;
        },
        __wbg_signal_fac908876f45725d: function(arg0) {
            const ret = arg0.signal;
            return ret;
        },
        __wbg_size_9d1084e29743663c: function(arg0) {
            const ret = arg0.size;
            return ret;
        },
        __wbg_slice_8c7f01d7eb703b4e: function(arg0, arg1, arg2) {
            const ret = arg0.slice(arg1 >>> 0, arg2 >>> 0);
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
        __wbg_status_cb85b6c8d1769fa1: function(arg0) {
            const ret = arg0.status;
            return ret;
        },
        __wbg_stringify_0a0fbf2ef722380a: function() { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        __wbg_subarray_58f388a9247ac0bb: function(arg0, arg1, arg2) {
            const ret = arg0.subarray(arg1 >>> 0, arg2 >>> 0);
            return ret;
        },
        __wbg_text_5240eb2c41de8292: function() { return handleError(function (arg0) {
            const ret = arg0.text();
            return ret;
        }, arguments); },
        __wbg_then_656f253a5dd7d8ea: function(arg0, arg1, arg2) {
            const ret = arg0.then(arg1, arg2);
            return ret;
        },
        __wbg_then_e3f7f2d365708be8: function(arg0, arg1) {
            const ret = arg0.then(arg1);
            return ret;
        },
        __wbg_trimStart_7fa2df9ad7f1f455: function(arg0) {
            const ret = arg0.trimStart();
            return ret;
        },
        __wbg_type_1a237db07c5ee2de: function(arg0) {
            const ret = arg0.type;
            return (__wbindgen_enum_ResponseType.indexOf(ret) + 1 || 7) - 1;
        },
        __wbg_value_e0f328965e184931: function(arg0) {
            const ret = arg0.value;
            return ret;
        },
        __wbg_write_8d703a77c3350e79: function(arg0, arg1, arg2) {
            arg0[arg1] = arg2;
        },
        __wbindgen_generic_0000000000000001: function(arg0, arg1) {
            const ret = makeClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__js_sys_d3b3c5c55f495519___Promise__true_);
            return ret;
        },
        __wbindgen_generic_0000000000000002: function(arg0, arg1) {
            const ret = makeMutClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__core_31ff91df3a5c4116___result__Result_____wasm_bindgen_ee16e44adbc3e285___JsError___true_);
            return ret;
        },
        __wbindgen_generic_0000000000000003: function(arg0, arg1) {
            const ret = makeMutClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true_);
            return ret;
        },
        __wbindgen_generic_0000000000000004: function(arg0, arg1) {
            const ret = makeMutClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true__68);
            return ret;
        },
        __wbindgen_generic_0000000000000005: function(arg0, arg1) {
            const ret = makeMutClosure(arg0, arg1, wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke_______true_);
            return ret;
        },
        __wbindgen_generic_0000000000000006: function(arg0) {
            const ret = arg0;
            return ret;
        },
        __wbindgen_generic_0000000000000007: function(arg0) {
            const ret = arg0;
            return ret;
        },
        __wbindgen_generic_0000000000000008: function(arg0, arg1) {
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_generic_0000000000000009: function(arg0) {
            const ret = BigInt.asUintN(64, arg0);
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
    };
}

function wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke_______true_(arg0, arg1) {
    wasm.wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke_______true_(arg0, arg1);
}

function wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true_(arg0, arg1) {
    const ret = wasm.wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true_(arg0, arg1);
    return ret;
}

function wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true__68(arg0, arg1) {
    const ret = wasm.wasm_bindgen_ee16e44adbc3e285___convert__closures_____invoke___wasm_bindgen_ee16e44adbc3e285___JsValue__true__68(arg0, arg1);
    return ret;
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


const __wbindgen_enum_RequestCredentials = ["omit", "same-origin", "include"];


const __wbindgen_enum_RequestRedirect = ["follow", "error", "manual"];


const __wbindgen_enum_ResponseType = ["basic", "cors", "default", "error", "opaque", "opaqueredirect"];
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

function getArrayU8FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}

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
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
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

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('ncloud_media_intelligence_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
