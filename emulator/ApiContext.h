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
    qint64 deletedMs = 0;    // soft-deleted at (0: not deleted)
    QString deletedBy;       // who deleted it (object ID)
    QString location;        // the environment's, when known: the region of its workflow links
};

enum class FlowAccess { Read, Write };

// Which content of a run a signed content link serves.
enum class ContentKind { TriggerInputs, TriggerOutputs, ActionInputs, ActionOutputs };

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

    // Soft-deleted flows are kept this long, then they are gone for good (live: 21 days).
    static constexpr qint64 kSoftDeleteKeepMs = 21LL * 24 * 3600 * 1000;

    // Whether the request came through /providers/Microsoft.ProcessSimple/scopes/admin/…
    static bool isAdminScope(const Request &req);

    // The environment a request names. Unknown, not open to the caller, or (admin scope) the
    // caller is not an administrator: 403 EnvironmentAccessDenied, as the live service answers.
    std::optional<EnvironmentRow> environment(const Request &req, Response *error, const QString &name = {});
    bool mayUseEnvironment(const Caller &caller, const QString &env);
    // The flow a request names, checked for access. User scope: the caller must hold a role on
    // it (Write: Owner or CanEdit), administrators too; a flow that does not exist answers the
    // same 403. Admin scope: any flow; one that does not exist answers 404 FlowNotFound.
    std::optional<FlowRow> flow(const Request &req, const EnvironmentRow &env, FlowAccess access,
                                Response *error);
    // The environment and flow a request names, checked for access: the usual first step of a flow call.
    std::optional<FlowRow> requestedFlow(const Request &req, FlowAccess access, Response *error);
    // A flow that is not soft-deleted; with includeDeleted, also one that is.
    std::optional<FlowRow> loadFlow(const QString &env, const QString &name, bool includeDeleted = false);
    // The caller's strongest role on a flow, directly or through a group: Owner, CanEdit,
    // CanView; empty when it has none.
    QString roleOn(const Caller &caller, const QString &env, const QString &flow);
    bool flowExists(const QString &env, const QString &name);
    // Soft-deleted flows past kSoftDeleteKeepMs go for good, with their runs and owners.
    void purgeExpiredFlows();

    static Response environmentDenied(const QString &env);
    static Response flowNotFound(const QString &flow);
    static Response flowDenied(const Request &req, const QString &flow);

    // $top within [1, max], default when absent; a bad value answers 400.
    std::optional<int> top(const Request &req, int byDefault, int max, Response *error);
    // The key after which the page starts ("" for the first page); a bad token answers 400.
    std::optional<QString> skipKey(const Request &req, Response *error);
    // Built on the origin the client called (requestBase), as the live service does.
    QString nextLink(const Request &req, const QString &lastKey) const;
    std::optional<QJsonObject> jsonBody(const Request &req, Response *error);

    // scheme://host[:port] the client used to reach the emulator: its Host header, https when a
    // TLS terminator in front says X-Forwarded-Proto: https; the emulator's own base without one.
    QString requestBase(const Request &req) const;
    // Where signed workflow links (trigger URLs, run content links) point. Live they are on a
    // Logic Apps host (https://prod-00.westus.logic.azure.com:443); a client that reached the
    // emulator on loopback gets the emulator's own base instead, so it can follow them. The
    // emulator serves both paths whatever name it is reached by.
    QString workflowBase(const Request &req, const QString &location) const;
    static QString regionOf(const QString &location); // westus, westeurope

    void writeEnvironment(JsonWriter &w, const EnvironmentRow &env);
    // deletedState: write state "Deleted" (a soft-deleted flow in an admin list).
    void writeFlow(JsonWriter &w, const FlowRow &flow, bool withDefinition, const QString &workflowBase,
                   bool deletedState = false);
    QString flowId(const QString &env, const QString &flow) const;
    QString triggerUri(const QString &workflowBase, const QString &env, const QString &flow,
                       const QString &trigger);
    QByteArray signature(const QString &env, const QString &flow, const QString &trigger);

    // Run content links: SAS-like URLs (se expiry, sp permission path, sig HMAC) that need no token.
    static QString workflowId(const QString &flow);         // the flow name without dashes
    static QString flowNameOfWorkflowId(const QString &id); // back to the GUID; empty if not one
    static QString contentKindName(ContentKind kind);
    static std::optional<ContentKind> contentKindFromName(const QString &name);
    // /runs/{run}[/actions/{action}]/contents/{kind}/read: what a link grants.
    static QString contentPermission(const QString &run, const QString &action, ContentKind kind);
    QByteArray contentSignature(const QString &flow, const QString &permission, const QString &expiry) const;
    // When links written now expire: on the hour, at least three hours ahead (as live links do).
    static qint64 contentLinkExpiry(qint64 nowMs);
    QString contentUri(const QString &workflowBase, const QString &flow, const QString &run,
                       const QString &action, ContentKind kind, qint64 expiresMs) const;
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
