// The pure logic behind the flow editor: definition validation (JSON errors with line and
// column, Workflow Definition Language basics) and the properties a save sends.

#include "DefinitionValidator.h"
#include "FlowDraft.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestFlowLogic : public QObject
{
    Q_OBJECT
private slots:
    void positionOfOffset_data();
    void positionOfOffset();
    void validDefinition();
    void jsonErrors_data();
    void jsonErrors();
    void wdlIssues_data();
    void wdlIssues();
    void wdlIssueIsPlacedOnItsLine();
    void changedPropertiesOnlyWhatChanged();
    void creationAndExport();
    void importAcceptsExportOrDefinition();
};

// After the class: moc cannot scan a multi-line raw string.
static const char kValid[] = R"({
  "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
  "triggers": {"manual": {"type": "Request", "kind": "Button"}},
  "actions": {
    "First": {"type": "Compose", "runAfter": {}},
    "Second": {"type": "Compose", "runAfter": {"First": ["Succeeded"]}},
    "Branch": {"type": "If", "runAfter": {"Second": ["Succeeded"]},
               "actions": {"Inner": {"type": "Compose"}},
               "else": {"actions": {"Other": {"type": "Compose", "runAfter": {}}}}}
  }
})";

void TestFlowLogic::positionOfOffset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("start") << u"abc"_s << 0 << 1 << 1;
    QTest::newRow("same line") << u"abc"_s << 2 << 1 << 3;
    QTest::newRow("second line") << u"ab\ncd"_s << 4 << 2 << 2;
    QTest::newRow("past the end") << u"ab\n"_s << 10 << 2 << 1;
}

void TestFlowLogic::positionOfOffset()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    const TextPosition pos = fc::positionOfOffset(text, offset);
    QTEST(pos.line, "line");
    QTEST(pos.column, "column");
}

void TestFlowLogic::validDefinition()
{
    QJsonObject parsed;
    bool ok = false;
    const QList<ValidationIssue> issues = validateDefinitionText(QString::fromUtf8(kValid), &parsed, &ok);
    QVERIFY2(issues.isEmpty(), qPrintable(issues.value(0).message));
    QVERIFY(ok);
    QVERIFY(parsed.contains("actions"_L1));
}

void TestFlowLogic::jsonErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("missing comma") << u"{\n  \"a\": 1\n  \"b\": 2\n}"_s << 3 << 4;
    QTest::newRow("unterminated") << u"{\"a\": "_s << 1 << 7;
    // Non-ASCII before the error: the column counts characters, not UTF-8 bytes.
    QTest::newRow("after umlauts") << u"{\"äöü\": 1,,}"_s << 1 << 12;
    QTest::newRow("not an object") << u"[1, 2]"_s << 1 << 1;
}

void TestFlowLogic::jsonErrors()
{
    QFETCH(QString, text);
    bool ok = true;
    const QList<ValidationIssue> issues = validateDefinitionText(text, nullptr, &ok);
    QVERIFY(!ok);
    QCOMPARE(issues.size(), 1);
    QTEST(issues.first().line, "line");
    QTEST(issues.first().column, "column");
    QVERIFY(!issues.first().message.isEmpty());
}

void TestFlowLogic::wdlIssues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected"); // part of the one message
    QTest::newRow("no schema") << QString::fromUtf8(R"({"triggers":{"t":{"type":"Request"}},"actions":{}})")
                               << u"$schema"_s;
    QTest::newRow("no triggers") << QString::fromUtf8(R"({"$schema":"x","actions":{}})") << u"triggers"_s;
    QTest::newRow("empty triggers") << QString::fromUtf8(R"({"$schema":"x","triggers":{},"actions":{}})")
                                    << u"no trigger"_s;
    QTest::newRow("no actions") << QString::fromUtf8(R"({"$schema":"x","triggers":{"t":{"type":"Request"}}})")
                                << u"actions"_s;
    QTest::newRow("action without type")
        << QString::fromUtf8(R"({"$schema":"x","triggers":{"t":{"type":"Request"}},"actions":{"A":{}}})")
        << u"\"A\" has no"_s;
    QTest::newRow("runAfter unknown")
        << QString::fromUtf8(
               R"({"$schema":"x","triggers":{"t":{"type":"Request"}},"actions":{"A":{"type":"Compose","runAfter":{"Ghost":["Succeeded"]}}}})")
        << u"\"Ghost\""_s;
    QTest::newRow("runAfter itself")
        << QString::fromUtf8(
               R"({"$schema":"x","triggers":{"t":{"type":"Request"}},"actions":{"A":{"type":"Compose","runAfter":{"A":[]}}}})")
        << u"itself"_s;
    QTest::newRow("nested runAfter unknown")
        << QString::fromUtf8(
               R"({"$schema":"x","triggers":{"t":{"type":"Request"}},"actions":{"S":{"type":"Scope","actions":{"B":{"type":"Compose","runAfter":{"Nope":[]}}}}}})")
        << u"\"Nope\""_s;
}

void TestFlowLogic::wdlIssues()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const QList<ValidationIssue> issues =
        validateWorkflowDefinition(QJsonDocument::fromJson(json.toUtf8()).object());
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().message.contains(expected), qPrintable(issues.first().message));
}

void TestFlowLogic::wdlIssueIsPlacedOnItsLine()
{
    const QString text =
        u"{\n\"$schema\": \"x\",\n\"triggers\": {\"t\": {\"type\": \"Request\"}},\n\"actions\": {\n"
        "  \"A\": {\"type\": \"Compose\"},\n  \"B\": {\"type\": \"Compose\", \"runAfter\": {\"Z\": []}}\n}}"_s;
    bool ok = false;
    const QList<ValidationIssue> issues = validateDefinitionText(text, nullptr, &ok);
    QVERIFY(ok); // valid JSON, WDL issue only
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().line, 6);
}

void TestFlowLogic::changedPropertiesOnlyWhatChanged()
{
    FlowDraft before;
    before.displayName = u"A"_s;
    before.state = FlowState::Started;
    before.definition = QJsonDocument::fromJson(kValid).object();
    before.connectionReferences = {{"shared_x"_L1, QJsonObject{{"connectionName"_L1, "c1"_L1}}}};

    QVERIFY(changedProperties(before, before).isEmpty());

    FlowDraft renamed = before;
    renamed.displayName = u"B"_s;
    QCOMPARE(changedProperties(before, renamed), QJsonObject({{"displayName"_L1, "B"_L1}}));

    FlowDraft stopped = before;
    stopped.state = FlowState::Stopped;
    QCOMPARE(changedProperties(before, stopped), QJsonObject({{"state"_L1, "Stopped"_L1}}));

    FlowDraft edited = before;
    QJsonObject def = edited.definition;
    def.insert("contentVersion"_L1, "2.0.0.0"_L1);
    edited.definition = def;
    const QJsonObject changes = changedProperties(before, edited);
    QCOMPARE(changes.keys(), QStringList{u"definition"_s});
    QCOMPARE(changes.value("definition"_L1).toObject(), def);

    FlowDraft refs = before;
    refs.connectionReferences = {};
    QCOMPARE(changedProperties(before, refs).keys(), QStringList{u"connectionReferences"_s});
}

void TestFlowLogic::creationAndExport()
{
    Flow flow;
    flow.name = u"guid"_s;
    flow.displayName = u"Name"_s;
    flow.state = FlowState::Started;
    flow.definition = QJsonDocument::fromJson(kValid).object();
    flow.raw = {
        {"properties"_L1, QJsonObject{{"connectionReferences"_L1, QJsonObject{{"k"_L1, QJsonObject()}}}}}};
    const FlowDraft draft = draftFromFlow(flow);
    QCOMPARE(draft.displayName, u"Name"_s);
    QVERIFY(draft.connectionReferences.contains("k"_L1));
    const QJsonObject props = creationProperties(draft);
    QCOMPARE(props.value("state"_L1).toString(), u"Started"_s);
    QCOMPARE(props.value("definition"_L1).toObject(), flow.definition);
    const QJsonObject exported = exportFlow(flow);
    QCOMPARE(exported.value("name"_L1).toString(), u"guid"_s);
    QCOMPARE(exported.value("properties"_L1).toObject(), props);
}

void TestFlowLogic::importAcceptsExportOrDefinition()
{
    Flow flow;
    flow.displayName = u"Exported"_s;
    flow.state = FlowState::Started;
    flow.definition = QJsonDocument::fromJson(kValid).object();
    const auto fromExport = draftFromImport(exportFlow(flow));
    QVERIFY(fromExport);
    QCOMPARE(fromExport->displayName, u"Exported"_s);
    QCOMPARE(fromExport->state, FlowState::Stopped); // imports start off
    QCOMPARE(fromExport->definition, flow.definition);

    const auto fromDefinition = draftFromImport(flow.definition);
    QVERIFY(fromDefinition);
    QCOMPARE(fromDefinition->definition, flow.definition);

    QVERIFY(!draftFromImport(QJsonObject{{"hello"_L1, 1}}));
}

QTEST_GUILESS_MAIN(TestFlowLogic)
#include "tst_flow_logic.moc"
