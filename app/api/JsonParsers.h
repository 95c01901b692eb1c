#pragma once

#include "Result.h"
#include "Types.h"

#include <QByteArray>
#include <QJsonObject>

namespace fc::json {

// Pure functions from the service's JSON to value types. They never throw and never crash on
// hostile input: a missing field or a wrong type gives the type's default; a body that is not
// JSON, or not the expected shape, gives an ApiError of kind Parse that says what was wrong.

qint64 parseTimeMs(QStringView iso8601); // 0 when empty or not a date-time

Environment parseEnvironment(const QJsonObject &o);
Flow parseFlow(const QJsonObject &o);
FlowRun parseRun(const QJsonObject &o);
FlowRunDetails parseRunDetails(const QJsonObject &o);
RunAction parseRunAction(const QJsonObject &o);
Trigger parseTrigger(const QJsonObject &o);
FlowOwner parseOwner(const QJsonObject &o);
Principal parseDirectoryObject(const QJsonObject &o, PrincipalType type);
Connector parseConnector(const QJsonObject &o);
Connection parseConnection(const QJsonObject &o);

// Whole bodies.
Result<QJsonObject> parseObject(const QByteArray &body);
Result<Page<Environment>> parseEnvironmentPage(const QByteArray &body);
Result<Page<Flow>> parseFlowPage(const QByteArray &body);
Result<Page<FlowRun>> parseRunPage(const QByteArray &body);
Result<Page<RunAction>> parseRunActionPage(const QByteArray &body);
Result<Page<Trigger>> parseTriggerPage(const QByteArray &body);
Result<Page<FlowOwner>> parseOwnerPage(const QByteArray &body);
Result<Page<Principal>> parseDirectoryPage(const QByteArray &body, PrincipalType type);
Result<Page<Connector>> parseConnectorPage(const QByteArray &body);
Result<Page<Connection>> parseConnectionPage(const QByteArray &body);
Result<QString> parseCallbackUrl(const QByteArray &body); // value or response.value

// The service's {"error":{"code","message"}}; empty code and message when the body has none.
void parseErrorBody(const QByteArray &body, QString *code, QString *message);

} // namespace fc::json
