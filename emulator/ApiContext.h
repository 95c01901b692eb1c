#pragma once

#include "Emulator.h"
#include "Http.h"

#include <QJsonObject>

#include <optional>

class QSqlQuery;

namespace fc::emu {

class Store;

class Directory;
class RunLedger;
class JsonWriter;

struct EnvironmentRow
{
    QString name;
    QString displayName;
    QString description;
    QString location;
    QString sku;
    QString type;
    bool isDefault = false;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
};

struct FlowRow
{
    QString env;
    QString name;
    QString displayName;
    QString state;
    QByteArray definition; // JSON text
    QByteArray connectionReferences;
    QByteArray summary;
    qint64 createdMs = 0;
    QString modified; // ISO text with 7 fractional digits, new on every change
    QString creator;
    double failureRatio = 0;
    QString templateName;
    QString callableTrigger; // the first Request trigger, which has a callback URL
};

enum class FlowAccess { Read, Write };

// What every management handler needs: the store, the directory, the base URL, and the
// checks and shapes they share (environment and flow look-up with permissions, paging,
// bodies, the flow object).
class ApiContext
{
public:
    ApiContext(Store &store, Directory &directory, RunLedger &runs, const EmulatorOptions &options,
               QUrl baseUrl);

    Store &store;
    Directory &directory;
    RunLedger &runs;
    const EmulatorOptions &options;
    const QUrl baseUrl;

    std::optional<EnvironmentRow> environment(const Request &req, Response *error, const QString &name = {});
    bool mayUseEnvironment(const Caller &caller, const QString &env);
    std::optional<FlowRow> flow(const Request &req, const EnvironmentRow &env, FlowAccess access,
                                Response *error);
    // The environment and flow a request names, checked for access: the usual first step of a flow call.
    std::optional<FlowRow> requestedFlow(const Request &req, FlowAccess access, Response *error);
    std::optional<FlowRow> loadFlow(const QString &env, const QString &name);
    bool ownsFlow(const Caller &caller, const QString &env, const QString &flow);
    bool flowExists(const QString &env, const QString &name);

    // $top within [1, max], default when absent; a bad value answers 400.
    std::optional<int> top(const Request &req, int byDefault, int max, Response *error);
    // The key after which the page starts ("" for the first page); a bad token answers 400.
    std::optional<QString> skipKey(const Request &req, Response *error);
    QString nextLink(const Request &req, const QString &lastKey) const;
    std::optional<QJsonObject> jsonBody(const Request &req, Response *error);

    void writeEnvironment(JsonWriter &w, const EnvironmentRow &env);
    void writeFlow(JsonWriter &w, const FlowRow &flow, bool withDefinition);
    QString flowId(const QString &env, const QString &flow) const;
    QString triggerUri(const QString &env, const QString &flow, const QString &trigger);
    QByteArray signature(const QString &env, const QString &flow, const QString &trigger);
    QString newModifiedTime();
    // Writes a new or changed flow; derives summary and callable trigger from the definition.
    bool saveFlow(const FlowRow &flow, const QJsonObject &definition, bool insert);
    void addOwner(const QString &env, const QString &flow, const QString &principalId, const QString &type,
                  const QString &role);

    static Response invalid(const QString &message);
    // 500 naming what could not be read and why: a list never answers 200 with what it missed.
    static Response readFailed(const QString &what, const QSqlQuery &query);
    static Response listResponse(const QByteArray &items, const QString &nextLink);

private:
    QByteArray m_callbackKey;
    qint64 m_lastModifiedMs = 0;
    int m_modifiedSequence = 0;
};

} // namespace fc::emu
