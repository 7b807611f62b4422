"""Relation extraction on invented sentences of the genre (organisations, people and places made up).

Each case runs the whole per-document pipeline (entities + relations) on one short text and
asserts the exact set of (subject, predicate, object) triples for the predicates it covers.
"""

from __future__ import annotations

import pytest

from kg.ingest import make_document
from kg.pipeline import process_document
from kg.relations import DOMAIN_RANGE, RULES, sentence_rules


def triples(text: str, preds: set[str] | None = None) -> set[tuple[str, str, str]]:
    res = process_document(make_document(text))
    return {
        (r.subject.key, r.predicate, r.object.key)
        for r in res.relations
        if preds is None or r.predicate in preds
    }


CASES = [
    (
        "“X银行贷款Y项目”: the lender named in the document funds the project; unnamed lender: none",
        "明德银行是一家商业银行。2020年，“明德银行贷款清溪湿地保护项目”和“星河基金贷款南湖保护项目”正式启动。",
        {"funds"},
        {("明德银行", "funds", "明德银行贷款清溪湿地保护项目")},
    ),
    (
        "本X…得到 A、B 等的大力支持，以及 C 的有益帮助: each backer supports X",
        "2022年，远山生态协会发布了《湿地保护手册》。本手册由远山生态协会编写完成，并有幸得到专家周明远、林可欣等的大力支持，以及合作伙伴青禾环保基金会的有益帮助。",
        {"supports"},
        {
            ("周明远", "supports", "湿地保护手册"),
            ("林可欣", "supports", "湿地保护手册"),
            ("青禾环保基金会", "supports", "湿地保护手册"),
        },
    ),
    (
        "经 A 连续多年的科学监测，P …: A supports P",
        "2019年起，经明德大学连续多年的科学监测，“清溪守护计划”实施了多项措施。",
        {"supports"},
        {("明德大学", "supports", "清溪守护计划")},
    ),
    (
        "经 A 的监测，(no named subject): no triple; 已经 is no 经",
        "经明德大学的科学监测，水质明显改善。远山生态协会已经通过审批。",
        {"supports"},
        set(),
    ),
    (
        "目前(已经)支持完成 “P”、[unrecognised]、“Q” 等: dropped subject, every named item",
        "自2020年开始，青禾环保基金会每年重点支持社区花园建设，目前已经支持完成“北岸花园计划”、晨光书院小园、“南湖花园计划”等花园建设。",
        {"supports"},
        {
            ("青禾环保基金会", "supports", "北岸花园计划"),
            ("青禾环保基金会", "supports", "南湖花园计划"),
        },
    ),
    (
        "“W奖”评委 甲、乙: each juror memberOf the award's jury named in the document",
        "星川环保奖评审委员会由多位专家组成。本书得到“星川环保奖”评委周明远、林可欣、陈思齐等的帮助。",
        {"memberOf"},
        {
            ("周明远", "memberOf", "星川环保奖评审委员会"),
            ("林可欣", "memberOf", "星川环保奖评审委员会"),
            ("陈思齐", "memberOf", "星川环保奖评审委员会"),
        },
    ),
    (
        "“W奖”评委 甲: no jury organisation in the document, no triple",
        "本书得到“星川环保奖”评委周明远的帮助。",
        {"memberOf"},
        set(),
    ),
    (
        "A 作为 N（alias）…委员单位: A memberOf N",
        "青禾科技有限公司作为国际清洁能源联合会（ICEA）储能委员会首个中国委员单位，多次参加国际交流。",
        {"memberOf"},
        {("青禾科技有限公司", "memberOf", "国际清洁能源联合会")},
    ),
    (
        "A 是 N 的会员单位: A memberOf N; 作为 A 旗下 B 的成员单位: not of A",
        "远山生态协会是明德公益联合会的会员单位。星河科技有限公司作为明德公益联合会旗下青禾环保基金会的成员单位参加活动。",
        {"memberOf"},
        {("远山生态协会", "memberOf", "明德公益联合会")},
    ),
    (
        "N 及会员单位——A / ：A、B: each listed unit memberOf N",
        "参与机构：明德公益联合会及会员单位——远山生态协会。主办方：星河公益联合会及会员单位：青禾环保基金会、星河科技有限公司。",
        {"memberOf"},
        {
            ("远山生态协会", "memberOf", "明德公益联合会"),
            ("青禾环保基金会", "memberOf", "星河公益联合会"),
            ("星河科技有限公司", "memberOf", "星河公益联合会"),
        },
    ),
    (
        "参与由 A 主办的“P”: the quoted name after 的 (its quote may open the mention)",
        "青禾环保基金会将积极参与由远山生态协会主办的“清溪守护计划”。",
        {"participatesIn"},
        {("青禾环保基金会", "participatesIn", "清溪守护计划")},
    ),
    (
        "论坛邀请到 A、B 等机构的嘉宾: each invitee participatesIn the forum named before",
        "2023年5月，“绿色未来论坛”在杭州召开。论坛邀请到青禾环保基金会、远山生态协会、星河科技有限公司等机构的嘉宾。",
        {"participatesIn"},
        {
            ("青禾环保基金会", "participatesIn", "绿色未来论坛"),
            ("远山生态协会", "participatesIn", "绿色未来论坛"),
            ("星河科技有限公司", "participatesIn", "绿色未来论坛"),
        },
    ),
    (
        "邀请 A 为 X 提供…: invitees given a task are no attendees",
        "“绿色未来论坛”在杭州召开。论坛邀请青禾环保基金会为远山生态协会提供培训。",
        {"participatesIn"},
        set(),
    ),
    (
        "在 A 和 project B 的支持下，C 撰写了《X》: a project backer supports the publication too",
        "远山生态协会在明德公益基金会和“清溪守护计划”的支持下，撰写了《湿地保护手册》。",
        {"supports"},
        {
            ("明德公益基金会", "supports", "湿地保护手册"),
            ("清溪守护计划", "supports", "湿地保护手册"),
        },
    ),
    (
        "X 由 (title) person 创建: the person initiates X",
        "青禾环保基金会由前理事长李明于2011年创建。",
        {"initiates"},
        {("李明", "initiates", "青禾环保基金会")},
    ),
    (
        "A 加入 N: memberOf a network or association; 加入 “P”: participatesIn",
        "2020年，青禾环保基金会加入了“绿色未来联盟”。远山生态协会加入了“清溪守护计划”。星河科技有限公司加入了青禾集团。",
        {"memberOf", "participatesIn"},
        {
            ("青禾环保基金会", "memberOf", "绿色未来联盟"),
            ("远山生态协会", "participatesIn", "清溪守护计划"),
        },
    ),
    (
        "co-hosts after 由, object after 的, place of the event",
        "由青禾环保基金会、远山生态协会联合主办的“第三届绿洲论坛”在成都举行。",
        None,
        {
            ("青禾环保基金会", "organizes", "第三届绿洲论坛"),
            ("远山生态协会", "organizes", "第三届绿洲论坛"),
            ("青禾环保基金会", "partnersWith", "远山生态协会"),
            ("第三届绿洲论坛", "locatedIn", "成都"),
        },
    ),
    (
        "A 向 B 捐赠",
        "星河科技有限公司向青禾环保基金会捐赠了500万元。",
        None,
        {("星河科技有限公司", "funds", "青禾环保基金会")},
    ),
    (
        "B 接受 A 的捐资, then 负责组织实施 with the dropped subject B",
        "远山生态协会接受星河科技有限公司的捐资，负责组织实施“清溪守护计划”。",
        None,
        {
            ("星河科技有限公司", "funds", "远山生态协会"),
            ("远山生态协会", "implements", "清溪守护计划"),
        },
    ),
    (
        "organisation + role + person",
        "青禾环保基金会秘书长李明出席了活动。",
        {"worksFor"},
        {("李明", "worksFor", "青禾环保基金会")},
    ),
    (
        "member list after 成员包括",
        "绿色未来联盟成员包括青禾环保基金会、远山生态协会和星河科技有限公司。",
        None,
        {
            ("青禾环保基金会", "memberOf", "绿色未来联盟"),
            ("远山生态协会", "memberOf", "绿色未来联盟"),
            ("星河科技有限公司", "memberOf", "绿色未来联盟"),
        },
    ),
    (
        "a generic governing body: the members belong to the network named before",
        "绿色未来联盟成立于2015年。目前理事会由青禾环保基金会、远山生态协会、星河科技有限公司组成。",
        {"memberOf"},
        {
            ("青禾环保基金会", "memberOf", "绿色未来联盟"),
            ("远山生态协会", "memberOf", "绿色未来联盟"),
            ("星河科技有限公司", "memberOf", "绿色未来联盟"),
        },
    ),
    (
        "在 A 的支持下 + 发起: A supports what B launches (as the gold does for what B writes)",
        "在星河科技有限公司的支持下，远山生态协会发起了“清溪守护计划”。",
        None,
        {
            ("星河科技有限公司", "supports", "清溪守护计划"),
            ("远山生态协会", "initiates", "清溪守护计划"),
        },
    ),
    (
        "发布《X》",
        "青禾环保基金会发布《2023中国湿地保护报告》。",
        None,
        {("青禾环保基金会", "publishes", "2023中国湿地保护报告")},
    ),
    (
        "dropped subject carried over: A 于…成立，并发起了 X",
        "远山生态协会于2020年成立，并发起了“山林卫士项目”。",
        None,
        {("远山生态协会", "initiates", "山林卫士项目")},
    ),
    (
        "province + city chain",
        "该活动在四川省成都市举行。",
        None,
        {("成都市", "partOf", "四川省")},
    ),
    (
        "province distributes over a coordinated list of its cities",
        "甘肃省张掖市、天水市和兰州市都已引入该模式。",
        None,
        {("张掖市", "partOf", "甘肃省"), ("天水市", "partOf", "甘肃省"), ("兰州市", "partOf", "甘肃省")},
    ),
    (
        "A、B、C 分别与 D、E 签署: pairs within the first group and across",
        "青禾环保基金会、远山生态协会、星河科技有限公司，分别与成都市教育局、成都市农业农村局签署合作框架协议。",
        {"partnersWith"},
        {
            ("青禾环保基金会", "partnersWith", "远山生态协会"),
            ("青禾环保基金会", "partnersWith", "星河科技有限公司"),
            ("远山生态协会", "partnersWith", "星河科技有限公司"),
            ("青禾环保基金会", "partnersWith", "成都市教育局"),
            ("青禾环保基金会", "partnersWith", "成都市农业农村局"),
            ("远山生态协会", "partnersWith", "成都市教育局"),
            ("远山生态协会", "partnersWith", "成都市农业农村局"),
            ("星河科技有限公司", "partnersWith", "成都市教育局"),
            ("星河科技有限公司", "partnersWith", "成都市农业农村局"),
        },
    ),
    (
        "A 联合 B、C 等发起 X: A with each partner (not B with C); all initiate X",
        "星河科技有限公司联合青禾环保基金会、远山生态协会等发起了“碧水行动”。",
        None,
        {
            ("星河科技有限公司", "partnersWith", "青禾环保基金会"),
            ("星河科技有限公司", "partnersWith", "远山生态协会"),
            ("星河科技有限公司", "initiates", "碧水行动"),
            ("青禾环保基金会", "initiates", "碧水行动"),
            ("远山生态协会", "initiates", "碧水行动"),
        },
    ),
    (
        "“E”由 A 指导，B 主办，C 承办: the chain keeps its object",
        "“清溪论坛”由青禾环保基金会指导，远山生态协会主办，星河科技有限公司承办。",
        None,
        {
            ("青禾环保基金会", "supports", "清溪论坛"),
            ("远山生态协会", "organizes", "清溪论坛"),
            ("星河科技有限公司", "organizes", "清溪论坛"),
        },
    ),
    (
        "a unit named after its parent; joint publishing",
        "中国生态学会湿地保护分会与中国生态学会共同发布《湿地观察》。",
        None,
        {
            ("中国生态学会湿地保护分会", "subOrganizationOf", "中国生态学会"),
            ("中国生态学会湿地保护分会", "publishes", "湿地观察"),
            ("中国生态学会", "publishes", "湿地观察"),
        },
    ),
    (
        "author of a book: A 在《X》一书中提出",
        "远山生态协会在《自然笔记》一书中提出了社区保护的方法。",
        None,
        {("远山生态协会", "publishes", "自然笔记")},
    ),
    (
        "name card: person, organisation, title",
        "刘洋 青禾环保基金会理事长",
        {"worksFor"},
        {("刘洋", "worksFor", "青禾环保基金会")},
    ),
    (
        "listed guests 等嘉宾出席 the event",
        "“第二届长河湿地保护论坛”在南京举行。青禾环保基金会理事长周明、远山生态协会秘书长陈静等嘉宾出席论坛。",
        {"participatesIn"},
        {("周明", "participatesIn", "第二届长河湿地保护论坛"), ("陈静", "participatesIn", "第二届长河湿地保护论坛")},
    ),
    (
        "subject carried past 在…支持下 into a later clause",
        "在明德公益基金会的支持下，长林公益基金会发起了“山水守望项目”，并于2021年成立了长林自然保护中心。",
        {"initiates"},
        {("长林公益基金会", "initiates", "山水守望项目"), ("长林公益基金会", "initiates", "长林自然保护中心")},
    ),
    (
        "coordination across an unrecognised list item keeps the whole group",
        "近日，青禾环保基金会、远山生态协会、东岭自然教育研习社、星河科技有限公司等四家机构共同发布《湿地守护倡议书》。",
        {"publishes"},
        {
            ("青禾环保基金会", "publishes", "湿地守护倡议书"),
            ("远山生态协会", "publishes", "湿地守护倡议书"),
            ("星河科技有限公司", "publishes", "湿地守护倡议书"),
        },
    ),
    (
        "co-hosts A、B 与 C 联合承办: every pair cooperates",
        "青禾环保基金会、远山生态协会与明德公益基金会联合承办的绿洲年会平行论坛——“山水之间的对话”论坛顺利召开。",
        {"partnersWith"},
        {
            ("青禾环保基金会", "partnersWith", "远山生态协会"),
            ("青禾环保基金会", "partnersWith", "明德公益基金会"),
            ("远山生态协会", "partnersWith", "明德公益基金会"),
        },
    ),
    (
        "project + 在 X、Y 等地 + verb: each place (not the province of a chain)",
        "截至目前，“清溪守护计划”已在四川雅安、贵州遵义等地落地实施。",
        {"locatedIn", "partOf"},
        {
            ("清溪守护计划", "locatedIn", "雅安"),
            ("清溪守护计划", "locatedIn", "遵义"),
            ("雅安", "partOf", "四川"),
            ("遵义", "partOf", "贵州"),
        },
    ),
    (
        "a country written before a quoted programme; seat phrases",
        "德国“绿色屋顶计划”广受关注。青禾环保基金会位于成都，并在北京和上海设有办事处。",
        {"locatedIn"},
        {
            ("绿色屋顶计划", "locatedIn", "德国"),
            ("青禾环保基金会", "locatedIn", "成都"),
            ("青禾环保基金会", "locatedIn", "北京"),
            ("青禾环保基金会", "locatedIn", "上海"),
        },
    ),
    (
        "a place the gazetteer does not know, right after its county",
        "项目覆盖了平武县木皮乡的三个村。",
        {"partOf"},
        {("木皮乡", "partOf", "平武县")},
    ),
    (
        "开幕式上，A、B 签订: both take part in the event named before",
        "“2024远山生态创新大会”在成都开幕。开幕式上，远山生态协会、青禾环保基金会签订了合作协议。",
        {"participatesIn"},
        {
            ("远山生态协会", "participatesIn", "2024远山生态创新大会"),
            ("青禾环保基金会", "participatesIn", "2024远山生态创新大会"),
        },
    ),
    (
        "COP 拉开帷幕，A、B 等机构抵达: the event of the sentence",
        "“第三届绿洲论坛”拉开帷幕，青禾环保基金会、远山生态协会等机构抵达成都。",
        {"participatesIn"},
        {
            ("青禾环保基金会", "participatesIn", "第三届绿洲论坛"),
            ("远山生态协会", "participatesIn", "第三届绿洲论坛"),
        },
    ),
    (
        "本次培训班由 A、B 指导，C、D 具体承办: the anaphor is the object of the whole chain",
        "“2024山林守护培训班”在雅安开班。本次培训班由青禾环保基金会、明德公益基金会指导，远山生态协会、星河科技有限公司具体承办。",
        {"supports", "organizes"},
        {
            ("青禾环保基金会", "supports", "2024山林守护培训班"),
            ("明德公益基金会", "supports", "2024山林守护培训班"),
            ("远山生态协会", "organizes", "2024山林守护培训班"),
            ("星河科技有限公司", "organizes", "2024山林守护培训班"),
        },
    ),
    (
        "向 + places + 捐建 N 所 “P”: the donor funds the project",
        "青禾环保基金会已向全国多个地区捐建上千所“绿芽书屋”公益项目。",
        {"funds"},
        {("青禾环保基金会", "funds", "绿芽书屋")},
    ),
    (
        "获得 A 授信; N 万元由 A 支持 for the project named before (该项目)",
        "“清溪守护计划”获得星河科技有限公司授信2亿元。2021年，地方政府为该项目支出约100万元，另外约50万元由明德公益基金会支持。",
        {"funds"},
        {("星河科技有限公司", "funds", "清溪守护计划"), ("明德公益基金会", "funds", "清溪守护计划")},
    ),
    (
        "A 作为主要捐资方; A 累计投入资金 N 万元，用于 P; A 为 P 提供技术支持",
        "“山水守望项目”由长林公益基金会发起并作为主要捐资方。明德公益基金会累计投入资金达300多万元，用于“清溪守护计划”。远山生态协会为“清溪守护计划”提供技术支持。",
        {"funds", "supports", "initiates"},
        {
            ("长林公益基金会", "funds", "山水守望项目"),
            ("长林公益基金会", "initiates", "山水守望项目"),
            ("明德公益基金会", "funds", "清溪守护计划"),
            ("远山生态协会", "supports", "清溪守护计划"),
        },
    ),
    (
        "据介绍，“P”由…，已在 X、Y 等地落地: the topic project carries into the later clause",
        "据介绍，“清溪守护计划”由远山生态协会负责组织实施，已在四川雅安、贵州遵义等地落地。",
        {"locatedIn", "implements"},
        {
            ("远山生态协会", "implements", "清溪守护计划"),
            ("清溪守护计划", "locatedIn", "雅安"),
            ("清溪守护计划", "locatedIn", "遵义"),
        },
    ),
    (
        "“P”公益项目落户 X",
        "10月8日，“绿芽书屋”公益项目落户昆明。",
        {"locatedIn"},
        {("绿芽书屋", "locatedIn", "昆明")},
    ),
    (
        "a parenthesised place list is not an alias declaration",
        "该技术已在南部沿海的试验区（广西北海）、北部试验区（山东烟台）进行了应用。",
        {"partOf"},
        {("北海", "partOf", "广西"), ("烟台", "partOf", "山东")},
    ),
    (
        "relative time between subject and verb (于去年11月)",
        "青禾环保基金会和远山生态协会于去年11月发布了《城市湿地观察手册》。",
        {"publishes"},
        {
            ("青禾环保基金会", "publishes", "城市湿地观察手册"),
            ("远山生态协会", "publishes", "城市湿地观察手册"),
        },
    ),
    (
        "dropped subject + 联合 A、B 等发起: the topic co-initiates and partners each",
        "在全省上下共护湿地的形势下，青禾环保基金会在星河科技有限公司的支持下，联合远山生态协会、明德公益基金会等发起了“候鸟驿站项目”。",
        {"initiates", "partnersWith"},
        {
            ("青禾环保基金会", "initiates", "候鸟驿站项目"),
            ("远山生态协会", "initiates", "候鸟驿站项目"),
            ("明德公益基金会", "initiates", "候鸟驿站项目"),
            ("青禾环保基金会", "partnersWith", "远山生态协会"),
            ("青禾环保基金会", "partnersWith", "明德公益基金会"),
        },
    ),
    (
        "其与 B 合作上线 X: the topic of the sentence partners B and launches X",
        "过去三年，星河科技有限公司在生态保护领域有诸多尝试，其与远山大学合作上线了免费开放的“湿地云课堂”平台。",
        {"initiates", "partnersWith"},
        {
            ("星河科技有限公司", "partnersWith", "远山大学"),
            ("星河科技有限公司", "initiates", "湿地云课堂"),
            ("远山大学", "initiates", "湿地云课堂"),
        },
    ),
    (
        "共同完成 with a bare head noun opening the clause (报告由 A、B 共同完成)",
        "会上发布了《湿地碳汇发展报告》，报告由青禾环保基金会、远山大学共同完成。",
        {"publishes", "partnersWith"},
        {
            ("青禾环保基金会", "publishes", "湿地碳汇发展报告"),
            ("远山大学", "publishes", "湿地碳汇发展报告"),
            ("青禾环保基金会", "partnersWith", "远山大学"),
        },
    ),
    (
        "a long list of co-initiators is not a partnership statement",
        "青禾环保基金会、远山生态协会、明德公益基金会、星河科技有限公司等四家机构共同发起“湿地守护行动”。",
        {"partnersWith"},
        set(),
    ),
    (
        "quantified generic event after the verb (组织了4场工作坊)",
        "“2023年湿地讲师赋能工作坊”是培训的延续。青禾环保基金会联合远山生态协会连续组织了4场参与式工作坊。",
        {"organizes"},
        {
            ("青禾环保基金会", "organizes", "2023年湿地讲师赋能工作坊"),
            ("远山生态协会", "organizes", "2023年湿地讲师赋能工作坊"),
        },
    ),
    (
        "titles between listed people: ORG 副理事长甲、监事长乙出席 + generic event noun",
        "“第五届湿地论坛”在成都开幕，青禾环保基金会副理事长周明、监事长陈静出席论坛。",
        {"participatesIn"},
        {("周明", "participatesIn", "第五届湿地论坛"), ("陈静", "participatesIn", "第五届湿地论坛")},
    ),
    (
        "organisations' representatives take part (A 和 B 的代表等共同参加)",
        "“湿地驿站交付仪式”于昨日举行，远山生态协会和明德公益基金会的代表等共同参加交付仪式。",
        {"participatesIn"},
        {("远山生态协会", "participatesIn", "湿地驿站交付仪式"), ("明德公益基金会", "participatesIn", "湿地驿站交付仪式")},
    ),
    (
        "a bare 参会 refers to the event the passage is about",
        "“第二届湿地司法论坛”在武汉召开。青禾环保基金会作为社会组织代表受邀参会。",
        {"participatesIn"},
        {("青禾环保基金会", "participatesIn", "第二届湿地司法论坛")},
    ),
    (
        "在 X 举办 names a venue, not a host",
        "“第二届湿地司法论坛”在远山大学举办，约400名嘉宾参加了本届论坛。",
        {"organizes"},
        set(),
    ),
    (
        "X 是 P 的一部分 (sub-programme)",
        "“湿地摄影大赛计划”是“青禾湿地守护计划”的一部分。",
        {"partOf"},
        {("湿地摄影大赛计划", "partOf", "青禾湿地守护计划")},
    ),
    (
        "a unit of an organisation named after it (代表处)",
        "青禾环保基金会北京代表处也出席了，青禾环保基金会表示欢迎。",
        {"subOrganizationOf"},
        {("青禾环保基金会北京代表处", "subOrganizationOf", "青禾环保基金会")},
    ),
    (
        "A 向 B 捐赠 N 万元，用于 P: the giver funds P, not the recipient",
        "星河科技有限公司向远山生态协会捐赠了300万元，用于“山林卫士项目”。",
        {"funds"},
        {("星河科技有限公司", "funds", "远山生态协会"), ("星河科技有限公司", "funds", "山林卫士项目")},
    ),
    (
        "chairs of a network named before",
        "绿色发展资助者网络（GDFN）成立于2010年。GDFN现任主席为山川基金会秘书长刘晓峰和青山公益基金会秘书长刘晓慧。",
        {"worksFor"},
        {
            ("刘晓峰", "worksFor", "山川基金会"),
            ("刘晓慧", "worksFor", "青山公益基金会"),
            ("刘晓峰", "worksFor", "GDFN"),
            ("刘晓慧", "worksFor", "GDFN"),
        },
    ),
    (
        "a second title continues the organisation of the person before",
        "远山生态协会副会长周建国、监事长王芳出席。",
        {"worksFor"},
        {("周建国", "worksFor", "远山生态协会"), ("王芳", "worksFor", "远山生态协会")},
    ),
    (
        "quoted names back to back, 就 between subject and verb",
        "2021年，青禾环保基金会和星河科技有限公司就发起了“山林卫士”“海岸守护者”等项目。",
        {"initiates"},
        {
            ("青禾环保基金会", "initiates", "山林卫士"),
            ("星河科技有限公司", "initiates", "山林卫士"),
            ("青禾环保基金会", "initiates", "海岸守护者"),
            ("星河科技有限公司", "initiates", "海岸守护者"),
        },
    ),
    (
        "places listed after the verb (在全国建成 A、B 四大…; 该项目…开拓了 A、B 等国家)",
        "“清源计划”已在全国建成成都、南通、杭州和兰州四大回收中心。该项目走向国门，成功开拓了韩国、越南等国家的回收业务。",
        {"locatedIn"},
        {
            ("清源计划", "locatedIn", "成都"),
            ("清源计划", "locatedIn", "南通"),
            ("清源计划", "locatedIn", "杭州"),
            ("清源计划", "locatedIn", "兰州"),
            ("清源计划", "locatedIn", "韩国"),
            ("清源计划", "locatedIn", "越南"),
        },
    ),
    (
        "a long 在-list with places in parentheses and reserves under a province",
        "2017年以来，“护豚行动”先后在长江（安庆、宜昌）、湖北何家湾江豚保护区、湖北大湾江豚保护区等6个重点水域成立巡护示范点。",
        {"locatedIn"},
        {
            ("护豚行动", "locatedIn", "长江"),
            ("护豚行动", "locatedIn", "安庆"),
            ("护豚行动", "locatedIn", "宜昌"),
            ("护豚行动", "locatedIn", "何家湾江豚保护区"),
            ("护豚行动", "locatedIn", "大湾江豚保护区"),
        },
    ),
    (
        "参与 a named project; a speaker at the closing ceremony (介绍) takes part in the forum",
        "今年，青禾环保基金会积极参与“2024年山城共建花园计划”。第三届长河湿地保护论坛在武汉召开。"
        "在论坛闭幕式上，远山生态协会副会长周建国介绍了协会的工作。",
        {"participatesIn"},
        {
            ("青禾环保基金会", "participatesIn", "2024年山城共建花园计划"),
            ("周建国", "participatesIn", "第三届长河湿地保护论坛"),
        },
    ),
    (
        "object before 由 with a short-name parenthesis and a time before the verb",
        "“山林卫士计划”（简称“卫士计划”）由青禾环保基金会于2015年发起，旨在保护森林。",
        {"initiates"},
        {("青禾环保基金会", "initiates", "山林卫士计划")},
    ),
    (
        "a long 由-chain: the object is launched clauses later",
        "由青禾环保基金会和远山生态协会发起，星河科技有限公司联合主办，绿源科技公司技术支持，“第二届清溪论坛”日前正式启动。",
        {"initiates", "organizes", "supports"},
        {
            ("青禾环保基金会", "initiates", "第二届清溪论坛"),
            ("远山生态协会", "initiates", "第二届清溪论坛"),
            ("星河科技有限公司", "organizes", "第二届清溪论坛"),
            ("绿源科技公司", "supports", "第二届清溪论坛"),
        },
    ),
    (
        "在 A、B 的支持下，C 编制了《X》: the support goes to the publication",
        "在青禾环保基金会和星河科技有限公司的支持下，远山生态协会编制了《长河湿地调查报告》。",
        None,
        {
            ("青禾环保基金会", "supports", "长河湿地调查报告"),
            ("星河科技有限公司", "supports", "长河湿地调查报告"),
            ("远山生态协会", "publishes", "长河湿地调查报告"),
        },
    ),
    (
        "a 在-phrase between the subject and its verb",
        "远山生态协会在青禾环保基金会园区内组织了“第三届湿地沙龙”。青禾环保基金会在成都发布了《2024年湿地保护白皮书》。",
        {"organizes", "publishes"},
        {
            ("远山生态协会", "organizes", "第三届湿地沙龙"),
            ("青禾环保基金会", "publishes", "2024年湿地保护白皮书"),
        },
    ),
    (
        "a publication after a generic head noun and a dash; a project after X 的",
        "青禾环保基金会和星河科技有限公司联合发布的行业指南——《绿色包装指南》引起关注。远山生态协会积极参与成都市生态环境局的“清溪守护计划”。",
        {"publishes", "participatesIn"},
        {
            ("青禾环保基金会", "publishes", "绿色包装指南"),
            ("星河科技有限公司", "publishes", "绿色包装指南"),
            ("远山生态协会", "participatesIn", "清溪守护计划"),
        },
    ),
    (
        "a parallel forum named after a dash is the organised event; counted instances are no object",
        "由远山生态协会承办的第五届长河论坛平行论坛——“湿地与社区”顺利召开。由青禾环保基金会在四川援建的12所“绿色书屋”交付仪式在成都举行。",
        {"organizes", "funds"},
        {("远山生态协会", "organizes", "湿地与社区")},
    ),
    (
        "为助力 X，… the event launched at the end of the chain supports X",
        "为助力“第三届长河湿地保护大会”，由青禾环保基金会发起，远山生态协会主办，“湿地守护者招募行动”近日正式启动。",
        {"supports", "initiates"},
        {
            ("湿地守护者招募行动", "supports", "第三届长河湿地保护大会"),
            ("青禾环保基金会", "initiates", "湿地守护者招募行动"),
        },
    ),
    (
        "A 在 X 设立了“P”: the project is at X",
        "青禾环保基金会在宁波设立了“海岸守护者项目”。",
        {"locatedIn", "initiates"},
        {("海岸守护者项目", "locatedIn", "宁波"), ("青禾环保基金会", "initiates", "海岸守护者项目")},
    ),
    (
        "no relation from a bare co-occurrence",
        "青禾环保基金会和远山生态协会的办公室都在成都。",
        {"funds", "supports", "organizes", "initiates", "implements", "memberOf", "worksFor"},
        set(),
    ),
]


@pytest.mark.parametrize(("name", "text", "preds", "expected"), CASES, ids=[c[0] for c in CASES])
def test_sentence_patterns(name: str, text: str, preds: set[str] | None, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, preds) == expected


def test_former_role_is_marked() -> None:
    res = process_document(make_document("原青禾环保基金会秘书长王芳、远山生态协会副会长兼秘书长赵强出席会议。"))
    got = {(r.subject.key, r.object.key): dict(r.qualifiers) for r in res.relations if r.predicate == "worksFor"}
    assert got == {
        ("王芳", "青禾环保基金会"): {"role": "秘书长", "former": "true"},
        ("赵强", "远山生态协会"): {"role": "副会长兼秘书长"},
    }


def test_every_relation_respects_domain_and_range() -> None:
    text = "由青禾环保基金会主办的“第三届绿洲论坛”在成都举行。星河科技有限公司向青禾环保基金会捐赠了500万元。"
    res = process_document(make_document(text))
    assert res.relations
    for r in res.relations:
        dom, rng = DOMAIN_RANGE[r.predicate]
        assert r.subject.type in dom and r.object.type in rng


def test_rule_registry_is_complete() -> None:
    sentence_rules()
    for rule in RULES.values():
        assert rule.id and rule.description
        assert rule.predicate in DOMAIN_RANGE
        assert 0.0 < rule.confidence <= 1.0


def test_staff_list_under_an_organisation_heading() -> None:
    """Document structure: an organisation heading, then one 'person role' line per member
    (mentions given by hand, so the test does not depend on the recogniser)."""
    from kg.model import DocResult, Document, Mention
    from kg.relations import _staff_list_relations

    text = "工作组成员\n\n青禾环保基金会\n\n周建国项目总监\n王芳传播部高级经理\n\n简介\n张伟在会上发言"
    doc = Document("d", "staff.txt", "", text, text, ())

    def mention(name: str, typ: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return Mention(doc.id, start, start + len(name), name, typ)

    ms = [mention("青禾环保基金会", "Organization"), mention("周建国", "Person"), mention("王芳", "Person"), mention("张伟", "Person")]
    got = {(r.subject.key, r.object.key, dict(r.qualifiers)["role"]) for r in _staff_list_relations(DocResult(doc), ms)}
    assert got == {("周建国", "青禾环保基金会", "项目总监"), ("王芳", "青禾环保基金会", "传播部高级经理")}


def test_apposition_names_the_event() -> None:
    """平行论坛——“X”: the hosts organise X (the themed forum), not the generic parallel forum."""
    text = "青禾环保基金会、远山生态协会与明德公益基金会联合承办的绿洲年会平行论坛——“山水之间的对话”论坛顺利召开。"
    got = triples(text, {"organizes"})
    assert {s for s, _p, _o in got} == {"青禾环保基金会", "远山生态协会", "明德公益基金会"}
    assert all(o.startswith("山水之间的对话") for _s, _p, o in got)


def test_case_team_is_the_project_organisation() -> None:
    """Case book: 项目团队 (the project team) acting in the case text is the case's 项目机构."""
    text = (
        "山林之间的守望\n\n青溪流域生态补偿示范项目\n\n项目机构\n青禾环保基金会\n\n实施地点\n四川省雅安市\n\n"
        "项目介绍\n\n项目团队积极开发“溪流云平台”“山货通平台”等数字工具，服务流域农户。\n"
    )
    assert triples(text, {"initiates", "implements"}) == {
        ("青禾环保基金会", "implements", "青溪流域生态补偿示范项目"),
        ("青禾环保基金会", "initiates", "溪流云平台"),
        ("青禾环保基金会", "initiates", "山货通平台"),
    }


def test_nested_parent_and_place_inside_names() -> None:
    """The nested layer: the parent opening a unit's name, a natural place inside a project's name."""
    text = "北方财经大学绿色金融研究院与青岚环保协会联合发布报告。该基金会在洞庭湖江豚保护项目中投入资金。"
    got = triples(text, {"subOrganizationOf", "locatedIn"})
    assert ("北方财经大学绿色金融研究院", "subOrganizationOf", "北方财经大学") in got
    assert ("洞庭湖江豚保护项目", "locatedIn", "洞庭湖") in got
    got = triples("青禾环保基金会实施了“湖南洞庭湖湿地修复项目”。", {"locatedIn"})
    assert ("湖南洞庭湖湿地修复项目", "locatedIn", "洞庭湖") in got
    # a ministry only quoted as the opening of one unit's name is no parent of its own
    assert not triples("国家山林部生态监测中心与青岚环保协会合作。", {"subOrganizationOf"})


def test_people_listed_with_their_organisations_attend() -> None:
    """A 理事长甲、B 党组成员、副院长乙出席 E: each person attends and works for their own organisation."""
    text = "青禾环保基金会理事长李明，远山生态研究院党组成员、副院长王芳出席了“第三届绿洲论坛”。"
    assert triples(text, {"participatesIn", "worksFor"}) == {
        ("李明", "participatesIn", "第三届绿洲论坛"),
        ("王芳", "participatesIn", "第三届绿洲论坛"),
        ("李明", "worksFor", "青禾环保基金会"),
        ("王芳", "worksFor", "远山生态研究院"),
    }


def test_parties_refer_to_the_signers() -> None:
    """双方/三方 + verb: the organisations named together before (the signers of the agreement)."""
    text = "青禾环保基金会与远山生态协会签署了战略合作协议。双方将共同发起“清溪守护计划”，并联合发布《山地湿地保护报告》。"
    assert triples(text, {"initiates", "publishes"}) == {
        ("青禾环保基金会", "initiates", "清溪守护计划"),
        ("远山生态协会", "initiates", "清溪守护计划"),
        ("青禾环保基金会", "publishes", "山地湿地保护报告"),
        ("远山生态协会", "publishes", "山地湿地保护报告"),
    }
    text = "星河科技有限公司、青禾环保基金会和远山生态协会签订了合作协议。根据协议，三方将启动“山林守护行动”。"
    assert {s for s, _p, _o in triples(text, {"initiates"})} == {"星河科技有限公司", "青禾环保基金会", "远山生态协会"}
    # the count must agree with the latest group named before
    text = "青禾环保基金会与远山生态协会签署了战略合作协议。三方将启动“山林守护行动”。"
    assert not triples(text, {"initiates"})


def test_reference_list_lines() -> None:
    """[n] AUTHOR, 《TITLE》, YEAR: the author publishes the title, only for a recognised author."""
    text = (
        "参考文献\n\n- [1] 青禾环保基金会, 《山地湿地保护报告》, 2021\n- [2] 李明, 《溪流之声》, 2020 <https://example.org/x>\n"
        "[3] 远山生态协会，《湿地观察》，2022年\n- [4] 山林小组, 《无名报告》, 2020\n"
    )
    assert triples(text, {"publishes"}) == {
        ("青禾环保基金会", "publishes", "山地湿地保护报告"),
        ("李明", "publishes", "溪流之声"),
        ("远山生态协会", "publishes", "湿地观察"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由青禾环保基金会牵头，历经两年，编制完成《山地湿地保护报告》。", {"青禾环保基金会"}),
        (
            "今年，面对新的挑战，远山生态协会和青禾环保基金会在明德公益基金会的支持下，以《山地手册》为基础撰写了《山地手册2.0》。",
            {"远山生态协会", "青禾环保基金会"},
        ),
        (
            "从去年开始，在明德公益基金会支持下，远山生态协会协助市城管委开展垃圾分类活动，在全面总结经验的基础上编制了《垃圾分类指导手册》。",
            {"远山生态协会"},
        ),
    ],
)
def test_topic_carried_over_longer_clause_runs(text: str, expected: set[str]) -> None:
    """A 牵头…，历经…，编制完成《X》 / 以《Y》为基础撰写了《X》: the clause topic publishes X."""
    assert {s for s, _p, _o in triples(text, {"publishes"})} == expected


def test_tightened_place_and_staff_rules() -> None:
    """A place opening a finer unrecognised place name (X世博城) is not the location; a staff line
    naming a unit (代表处) says nothing about the heading's organisation."""
    from kg.model import DocResult, Document, Mention
    from kg.relations import _staff_list_relations

    assert triples("“第三届绿洲论坛”在成都举行。", {"locatedIn"}) == {("第三届绿洲论坛", "locatedIn", "成都")}
    assert not triples("“第三届绿洲论坛”在成都博览城举行。", {"locatedIn"})
    text = "青禾环保基金会\n周建国项目总监\n王芳成都代表处首席代表\n"
    doc = Document("d", "staff.txt", "", text, text, ())
    ms = [
        Mention(doc.id, text.index(n), text.index(n) + len(n), n, t)
        for n, t in (("青禾环保基金会", "Organization"), ("周建国", "Person"), ("王芳", "Person"))
    ]
    got = {(r.subject.key, r.object.key) for r in _staff_list_relations(DocResult(doc), ms)}
    assert got == {("周建国", "青禾环保基金会")}


def test_scene_actors_and_the_kind_of_event() -> None:
    """会上，[unrecognised]与 A 签订…: A takes part; 仪式上 refers to the latest named ceremony only."""
    text = "“第三届绿洲论坛”在成都举行。会上，山野小队与青禾环保基金会签订了合作协议。"
    assert triples(text, {"participatesIn"}) == {("青禾环保基金会", "participatesIn", "第三届绿洲论坛")}
    text = "“第三届绿洲论坛”在成都举行。捐赠仪式上，青禾环保基金会秘书长李明为志愿者颁发了证书。"
    assert not triples(text, {"participatesIn"})


def test_places_located_and_ranked_by_suffix() -> None:
    """X 位于 Y (a place: partOf the finest place of Y); 位于 Y 的 X; 石桥镇青竹村 (ranked suffixes)."""
    assert ("洞庭湖", "partOf", "岳阳市") in triples("洞庭湖位于湖南省岳阳市。", {"partOf"})
    assert ("长白山", "partOf", "吉林省") in triples("长白山位于吉林省东南部，是著名的旅游地。", {"partOf"})
    got = triples("位于四川省平武县的青龙湖湿地公园是候鸟栖息地。", {"partOf"})
    assert ("青龙湖湿地公园", "partOf", "平武县") in got
    assert not triples("长白山位于中国首批设立的国家公园。", {"partOf"})
    assert ("青竹村", "partOf", "石桥镇") in triples("项目落地在平武县石桥镇青竹村。", {"partOf"})


def test_bare_generic_event_is_a_new_event() -> None:
    """举办新闻发布会 (no 本次/该) introduces a new event: not the differently-kinded one named before."""
    text = "“第三届绿洲论坛”在成都举行。青禾环保基金会在北京举办新闻发布会。"
    assert not triples(text, {"organizes"})
    text = "“第三届绿洲论坛”在成都举行。青禾环保基金会承办了本次论坛。"
    assert triples(text, {"organizes"}) == {("青禾环保基金会", "organizes", "第三届绿洲论坛")}


def test_award_level_after_the_dash_is_a_qualifier() -> None:
    res = process_document(make_document("2021年，远山生态协会荣获“星川环保奖-年度先锋奖”。2022年，青禾环保基金会荣获“星川环保奖”。"))
    got = {(r.subject.key, r.object.key, dict(r.qualifiers).get("level")) for r in res.relations if r.predicate == "receivedAward"}
    assert got == {("远山生态协会", "星川环保奖", "年度先锋奖"), ("青禾环保基金会", "星川环保奖", None)}
