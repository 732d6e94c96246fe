"""The public API described as an OpenAPI 3.1 document (a plain dict), and its reading as tables.

Two endpoints: certificate verification (served by this app) and the dishonest-debtor query
(``/api/public/dishonest``, served by the lists app). Identity numbers of persons are always
masked: the four month-and-day digits of the birth date are replaced by ``****``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from goodfaith.web.portal.texts import SITE_NAME

CODE_EXAMPLE = "7K2M-9QX4-T1BD"

#: a person's masked resident identity number, or a unit's unified social credit code
ID_PATTERN = r"^(\d{10}\*{4}\d{3}[0-9X]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})?$"

_REF = "#/components/schemas/"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF + name}


def _nullable(name: str) -> dict[str, Any]:
    return {"oneOf": [_ref(name), {"type": "null"}]}


def _date(description: str) -> dict[str, str]:
    return {"type": "string", "format": "date", "description": description}


def _text(description: str) -> dict[str, str]:
    return {"type": "string", "description": description}


_DOCUMENT_EXAMPLE = {
    "title": "主动履行证明书",
    "number": "（2022）粤0114证1号",
    "court": "广州市花都区人民法院",
    "case_number": "（2022）粤0114执4600号",
    "party": "刘某",
    "issued_on": "2022-06-28",
}

_VERIFICATION_EXAMPLES: dict[str, dict[str, Any]] = {
    "valid": {
        "summary": "真实有效",
        "value": {
            "code": CODE_EXAMPLE,
            "status": "valid",
            "genuine": True,
            "document": _DOCUMENT_EXAMPLE,
            "revoked": None,
            "superseded_by": None,
            "message": "经核验，该主动履行证明书由广州市花都区人民法院出具，与法院签名一致，未被撤销，真实有效。",
        },
    },
    "revoked": {
        "summary": "已撤销",
        "value": {
            "code": CODE_EXAMPLE,
            "status": "revoked",
            "genuine": False,
            "document": _DOCUMENT_EXAMPLE,
            "revoked": {"on": "2022-08-01", "reason": "违反信用承诺"},
            "superseded_by": None,
            "message": "该主动履行证明书已于2022年8月1日撤销，撤销原因：违反信用承诺。",
        },
    },
    "superseded": {
        "summary": "真实有效，但已被新文书取代",
        "value": {
            "code": CODE_EXAMPLE,
            "status": "valid",
            "genuine": True,
            "document": _DOCUMENT_EXAMPLE,
            "revoked": None,
            "superseded_by": "（2022）粤0114证7号",
            "message": "经核验，该主动履行证明书由广州市花都区人民法院出具，与法院签名一致，未被撤销，真实有效。该文书已被（2022）粤0114证7号取代，请以新文书为准。",
        },
    },
    "invalid": {
        "summary": "验证未通过（签名不符）",
        "value": {
            "code": CODE_EXAMPLE,
            "status": "invalid",
            "genuine": False,
            "document": None,
            "revoked": None,
            "superseded_by": None,
            "message": "验证未通过：登记的文书数据与法院签名不符，文书可能被篡改。请勿采信该文书，并联系广州市花都区人民法院核实。",
        },
    },
}

_UNKNOWN_EXAMPLE = {
    "code": CODE_EXAMPLE,
    "status": "unknown",
    "genuine": False,
    "document": None,
    "revoked": None,
    "superseded_by": None,
    "message": "未找到该验证码对应的文书。请核对验证码是否输入正确；仍无法核验的，请联系出具文书的法院。",
}

_ENTRY_EXAMPLE = {
    "list": "dishonest",
    "name": "王某",
    "kind": "person",
    "id_number": "4206831990****3314",
    "gender": "男",
    "court": "枣阳市人民法院",
    "court_code": "鄂0683",
    "case_number": "（2021）鄂0683执2345号",
    "filed_on": "2021-08-02",
    "basis_number": "（2021）鄂0683民初1234号",
    "basis_issuer": "枣阳市人民法院",
    "duty": "赔偿交通事故损失",
    "performance": "全部未履行",
    "conduct": ["有履行能力而拒不履行生效法律文书确定义务"],
    "published_on": "2021-09-15",
    "age": 31,
}

_UNIT_ENTRY_EXAMPLE = {
    "list": "dishonest",
    "name": "广州某食品有限公司",
    "kind": "unit",
    "id_number": "91440117MA5D8K2P1R",
    "legal_representative": "何某",
    "court": "广州市从化区人民法院",
    "court_code": "粤0117",
    "case_number": "（2024）粤0117执2301号",
    "filed_on": "2024-10-09",
    "basis_number": "（2024）粤0117民初6002号",
    "basis_issuer": "广州市从化区人民法院",
    "duty": "支付货款",
    "performance": "部分未履行",
    "conduct": ["违反财产报告制度"],
    "published_on": "2024-10-28",
}

_RESTRICTION_EXAMPLE = {
    "list": "consumption",
    "name": "王某",
    "kind": "person",
    "id_number": "4206831990****3314",
    "gender": "男",
    "court": "枣阳市人民法院",
    "court_code": "鄂0683",
    "case_number": "（2021）鄂0683执2345号",
    "restricted_on": "2021-09-15",
    "kind_of_restriction": "consumption",
}

_ID_NUMBER = {
    "type": "string",
    "pattern": ID_PATTERN,
    "description": "自然人为隐去出生月日四位（****）的居民身份证号码；单位为统一社会信用代码；案件未登记号码的为空字符串。",
    "examples": ["4206831990****3314", "91460200MA5T8Q3N20"],
}

_KIND = {
    "type": "string",
    "enum": ["person", "unit"],
    "description": "person 自然人；unit 法人或其他组织",
}
_GENDER = {
    "type": "string",
    "enum": ["男", "女", ""],
    "description": "自然人的性别（未登记的为空字符串）；单位无此字段",
}
_REPRESENTATIVE = {
    "type": "string",
    "description": "单位的法定代表人或者负责人姓名（未登记的为空字符串）；自然人无此字段",
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "CertificateDocument": {
        "type": "object",
        "description": "证明书的公开信息（不含身份证号码、金额和正文）。",
        "properties": {
            "title": _text("文书名称，如“自动履行证明书”"),
            "number": _text("文书编号，如“（2022）粤0114证1号”"),
            "court": _text("出具法院"),
            "case_number": _text("案号"),
            "party": _text("当事人姓名或名称"),
            "issued_on": _date("出具日期"),
        },
        "required": ["title", "number", "court", "case_number", "party", "issued_on"],
        "additionalProperties": False,
    },
    "Revocation": {
        "type": "object",
        "description": "撤销信息。",
        "properties": {"on": _date("撤销日期（北京时间）"), "reason": _text("撤销原因")},
        "required": ["on", "reason"],
        "additionalProperties": False,
    },
    "CertificateVerification": {
        "type": "object",
        "description": "证明书核验结果。",
        "properties": {
            "code": _text("验证码（规范化为 XXXX-XXXX-XXXX；格式不正确时原样返回）"),
            "status": {
                "type": "string",
                "enum": ["valid", "revoked", "invalid", "unknown"],
                "description": "valid 真实有效；revoked 已撤销；invalid 签名不符，文书可能被篡改；unknown 未找到",
            },
            "genuine": {
                "type": "boolean",
                "description": "仅当 status 为 valid（签名一致且未被撤销）时为 true",
            },
            "document": {
                **_nullable("CertificateDocument"),
                "description": "文书的公开信息；status 为 invalid 或 unknown 时为 null",
            },
            "revoked": {**_nullable("Revocation"), "description": "已撤销的，撤销日期与原因"},
            "superseded_by": {
                "type": ["string", "null"],
                "description": "同一案件、同一当事人、同类文书此后另行出具且未撤销的，新文书的编号",
            },
            "message": _text("给公众看的核验说明（中文）"),
        },
        "required": [
            "code",
            "status",
            "genuine",
            "document",
            "revoked",
            "superseded_by",
            "message",
        ],
        "additionalProperties": False,
    },
    "PublicEntry": {
        "type": "object",
        "description": "失信被执行人名单公开信息（《最高人民法院关于公布失信被执行人名单信息的若干规定》第六条）。自然人有 gender（及已知出生日期时的 age），单位有 legal_representative。",
        "properties": {
            "list": {
                "type": "string",
                "enum": ["dishonest"],
                "description": "名单：失信被执行人名单",
            },
            "name": _text("被执行人姓名或名称"),
            "kind": _KIND,
            "id_number": _ID_NUMBER,
            "gender": _GENDER,
            "age": {
                "type": "integer",
                "minimum": 18,
                "description": "自然人在查询当日的年龄（周岁；仅在出生日期已知时提供）",
            },
            "legal_representative": _REPRESENTATIVE,
            "court": _text("执行法院"),
            "court_code": _text("法院代字，如“鄂0683”"),
            "case_number": _text("执行案号"),
            "filed_on": _date("立案时间"),
            "basis_number": _text("执行依据文号"),
            "basis_issuer": _text("执行依据制作单位"),
            "duty": _text("生效法律文书确定的义务"),
            "performance": {
                "type": "string",
                "description": "被执行人的履行情况，如“全部未履行”“部分未履行”",
            },
            "conduct": {
                "type": "array",
                "items": {"type": "string"},
                "description": "失信行为的具体情形",
            },
            "published_on": _date("发布时间"),
        },
        "required": [
            "name",
            "kind",
            "id_number",
            "court",
            "court_code",
            "case_number",
            "filed_on",
            "basis_number",
            "basis_issuer",
            "duty",
            "performance",
            "conduct",
            "published_on",
        ],
        "additionalProperties": False,
        "examples": [_ENTRY_EXAMPLE, _UNIT_ENTRY_EXAMPLE],
    },
    "PublicRestriction": {
        "type": "object",
        "description": "限制消费、限制出境的公开信息。",
        "properties": {
            "list": {
                "type": "string",
                "enum": ["consumption", "exit"],
                "description": "名单：与 kind_of_restriction 相同",
            },
            "name": _text("被执行人姓名或名称"),
            "kind": _KIND,
            "id_number": _ID_NUMBER,
            "gender": _GENDER,
            "legal_representative": _REPRESENTATIVE,
            "court": _text("执行法院"),
            "court_code": _text("法院代字"),
            "case_number": _text("执行案号"),
            "restricted_on": _date("采取限制措施的日期"),
            "kind_of_restriction": {
                "type": "string",
                "enum": ["consumption", "exit"],
                "description": "consumption 限制消费；exit 限制出境",
            },
        },
        "required": [
            "name",
            "kind",
            "id_number",
            "court",
            "case_number",
            "restricted_on",
            "kind_of_restriction",
        ],
        "additionalProperties": False,
        "examples": [_RESTRICTION_EXAMPLE],
    },
    "DishonestResult": {
        "type": "object",
        "description": "失信信息查询结果。",
        "properties": {
            "count": {
                "type": "integer",
                "minimum": 0,
                "description": "查到的条目总数（entries 与 restrictions 之和）",
            },
            "entries": {"type": "array", "items": _ref("PublicEntry")},
            "restrictions": {"type": "array", "items": _ref("PublicRestriction")},
        },
        "required": ["count", "entries", "restrictions"],
        "additionalProperties": False,
    },
    "FieldError": {
        "type": "object",
        "description": "查询参数有误。",
        "properties": {
            "error": _text("错误说明（中文）"),
            "field": {
                "type": "string",
                "enum": ["name", "id_number"],
                "description": "出错的参数名",
            },
        },
        "required": ["error", "field"],
        "additionalProperties": False,
    },
    "RateLimited": {
        "type": "object",
        "description": "查询过于频繁。",
        "properties": {
            "error": _text("错误说明（中文）"),
            "field": {"type": "string", "description": "为空字符串"},
        },
        "required": ["error"],
    },
}


def openapi_document(server: str) -> dict[str, Any]:
    """The OpenAPI 3.1 description of the public API served at ``server``."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{SITE_NAME} 公开接口",
            "version": "1.0.0",
            "summary": "证明书核验与失信信息查询",
            "description": (
                "无需登录。自然人的身份证号码一律隐去出生月日四位；核验接口只返回文书名称、编号、"
                "出具法院、案号、当事人和出具日期。信用修复不收取任何费用。"
            ),
        },
        "servers": [{"url": server.rstrip("/")}],
        "paths": {
            "/api/public/certificates/{code}": {
                "get": {
                    "operationId": "verifyCertificate",
                    "summary": "核验证明书",
                    "description": (
                        "按文书上印制的验证码核验法院出具的证明书：签名是否一致、是否已撤销、是否已被新文书取代。"
                    ),
                    "tags": ["证明书核验"],
                    "parameters": [
                        {
                            "name": "code",
                            "in": "path",
                            "required": True,
                            "description": "12位验证码，短横线可省略，不区分大小写；字母 O、I、L 按数字 0、1、1 处理",
                            "schema": {"type": "string", "minLength": 12, "maxLength": 32},
                            "example": CODE_EXAMPLE,
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "找到文书：真实有效、已撤销或签名不符",
                            "content": {
                                "application/json": {
                                    "schema": _ref("CertificateVerification"),
                                    "examples": _VERIFICATION_EXAMPLES,
                                }
                            },
                        },
                        "404": {
                            "description": "未找到该验证码对应的文书，或验证码格式不正确",
                            "content": {
                                "application/json": {
                                    "schema": _ref("CertificateVerification"),
                                    "examples": {
                                        "unknown": {"summary": "未找到", "value": _UNKNOWN_EXAMPLE}
                                    },
                                }
                            },
                        },
                    },
                }
            },
            "/api/public/dishonest": {
                "get": {
                    "operationId": "queryDishonest",
                    "summary": "查询失信信息",
                    "description": (
                        "按姓名（名称）和身份证号码（统一社会信用代码）精确查询失信被执行人名单及限制消费、限制出境信息。"
                        "两项须同时提供且一致；查询频率受限。"
                    ),
                    "tags": ["失信信息查询"],
                    "parameters": [
                        {
                            "name": "name",
                            "in": "query",
                            "required": True,
                            "description": "被执行人姓名或单位名称",
                            "schema": {"type": "string", "minLength": 1, "maxLength": 100},
                            "example": "王某",
                        },
                        {
                            "name": "id_number",
                            "in": "query",
                            "required": True,
                            "description": "18位居民身份证号码或统一社会信用代码，空格忽略、不区分大小写（完整号码仅用于匹配，结果中自然人的号码隐去出生月日）",
                            "schema": {"type": "string", "minLength": 18},
                            "example": "91440117MA5D8K2P1R",
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "查询结果（无记录时 count 为 0，列表为空）",
                            "content": {
                                "application/json": {
                                    "schema": _ref("DishonestResult"),
                                    "examples": {
                                        "found": {
                                            "summary": "查到一条失信记录和一项限制消费",
                                            "value": {
                                                "count": 2,
                                                "entries": [_ENTRY_EXAMPLE],
                                                "restrictions": [_RESTRICTION_EXAMPLE],
                                            },
                                        },
                                        "none": {
                                            "summary": "无记录",
                                            "value": {
                                                "count": 0,
                                                "entries": [],
                                                "restrictions": [],
                                            },
                                        },
                                    },
                                }
                            },
                        },
                        "400": {
                            "description": "参数缺失或格式不正确",
                            "content": {
                                "application/json": {
                                    "schema": _ref("FieldError"),
                                    "example": {
                                        "error": "身份证号码或统一社会信用代码不正确，请核对后重新输入（须为18位）。",
                                        "field": "id_number",
                                    },
                                }
                            },
                        },
                        "429": {
                            "description": "查询过于频繁，请稍后再试",
                            "headers": {
                                "Retry-After": {
                                    "description": "可再次查询前需等待的秒数",
                                    "schema": {"type": "integer", "minimum": 1},
                                }
                            },
                            "content": {
                                "application/json": {
                                    "schema": _ref("RateLimited"),
                                    "example": {"error": "查询过于频繁，请稍后再试。", "field": ""},
                                }
                            },
                        },
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


# ---------------------------------------------------------------------------------------------
# the human-readable reference (/api/public/)
# ---------------------------------------------------------------------------------------------


def type_text(schema: dict[str, Any]) -> str:
    """A short type for a table: ``string (date)``, ``PublicEntry[]``, ``person | unit`` …"""
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix(_REF)
    if "oneOf" in schema:
        return " | ".join(type_text(s) for s in schema["oneOf"])
    if "enum" in schema:
        return " | ".join(
            json.dumps(v, ensure_ascii=False) if v in (None, "") else str(v) for v in schema["enum"]
        )
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    if kind == "array":
        return type_text(schema.get("items", {})) + "[]"
    if "format" in schema:
        return f"{kind} ({schema['format']})"
    return str(kind)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Row, ...]
    responses: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    description: str
    fields: tuple[Row, ...]


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation of ``spec``, its parameters and responses as rows."""
    out = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            params = tuple(
                Row(
                    p["name"],
                    f"{type_text(p['schema'])}（{p['in']}）",
                    p["required"],
                    p["description"],
                )
                for p in op.get("parameters", [])
            )
            responses = tuple(
                (
                    status,
                    r["description"],
                    type_text(r["content"]["application/json"]["schema"]) if "content" in r else "",
                )
                for status, r in op["responses"].items()
            )
            out.append(
                Operation(
                    method.upper(),
                    path,
                    op["summary"],
                    op["description"],
                    params,
                    responses,
                )
            )
    return out


def schemas(spec: dict[str, Any]) -> list[Schema]:
    """Every component schema with its fields as rows."""
    out = []
    for name, schema in spec["components"]["schemas"].items():
        required = set(schema.get("required", []))
        fields = tuple(
            Row(field, type_text(sub), field in required, str(sub.get("description", "")))
            for field, sub in schema.get("properties", {}).items()
        )
        out.append(Schema(name, str(schema.get("description", "")), fields))
    return out
