from kg.ingest import make_document
from kg.segment import segment

CASE = """绿色金融

湿地银行的探索

青湖湿地碳汇交易创新项目

该项目通过碳汇交易为湿地保护筹集资金，带动了周边社区的生计转型。



项目机构

青湖生态科技有限公司



实施地点

江西省九江市



项目时间

2019年至今



获奖情况

优胜奖
自然守护类别·2021

项目介绍

1. 项目背景

青湖生态科技有限公司（以下简称“青湖生态”）长期关注湿地保护，与当地政府和社区合作建立了湿地碳汇的计量方法和交易机制。

2. 具体做法

该项目首先对湿地的碳储量进行了系统调查，并在此基础上设计了面向企业买家的碳汇产品，所得收入全部用于湿地的保护与修复。

项目还培训了一批来自周边村庄的社区监测员，由他们定期记录候鸟数量和水质变化，为保护成效的评估提供了可靠的数据。
"""

NEWS = """近日，青山环境保护基金会发布了年度报告。报告指出，湿地保护取得进展。（林木）

湿地守护计划启动
青山基金会参与

8月2日，绿源科技有限公司宣布加入该计划！活动在九江举行。"""

TABLE = """工作领域\t案例名称\t案例机构
生态保护\t湿地守护计划\t青山环境保护基金会
\t候鸟栖息地项目\t绿源公益基金会
污染防治\t清河行动\t蓝天环保协会"""


def test_case_block_fields():
    doc = make_document(CASE)
    sections, _ = segment(doc)
    case = next(s for s in sections if s.kind == "case")
    fields = dict(case.fields)
    assert fields["project"] == "青湖湿地碳汇交易创新项目"
    assert fields["headline"] == "湿地银行的探索"
    assert fields["项目机构"] == "青湖生态科技有限公司"
    assert fields["实施地点"] == "江西省九江市"
    assert fields["项目时间"] == "2019年至今"
    assert fields["获奖情况"].split("\n") == ["优胜奖", "自然守护类别·2021"]


def test_news_articles_close_with_byline_and_sentences_split():
    doc = make_document(NEWS)
    sections, sentences = segment(doc)
    articles = [s for s in sections if s.kind == "article"]
    assert len(articles) == 1 and articles[0].title == "林木"
    texts = [s.text for s in sentences]
    assert "近日，青山环境保护基金会发布了年度报告。" in texts
    assert "8月2日，绿源科技有限公司宣布加入该计划！" in texts
    assert "湿地守护计划启动" in texts  # headline lines are their own sentences
    for s in sentences:
        assert doc.text[s.start : s.end] == s.text


def test_table_rows_are_sentences():
    doc = make_document(TABLE)
    sections, sentences = segment(doc)
    table = next(s for s in sections if s.kind == "table")
    assert dict(table.fields)["header"] == "工作领域\t案例名称\t案例机构"
    rows = [s.text for s in sentences if "\t" in s.text]
    assert len(rows) == 4
    assert rows[2].startswith("\t候鸟栖息地项目") or rows[2].startswith("候鸟栖息地项目")
