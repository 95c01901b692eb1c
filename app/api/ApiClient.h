#pragma once

#include "HttpTransport.h"
#include "Result.h"
#include "Route.h"
#include "Types.h"
#include "auth/Profile.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace fc {

// Server-side filters of listFlowRuns ($filter and $top).
struct RunQuery
{
    std::optional<RunStatus> status;
    qint64 startFromMs = 0; // startTime ge
    qint64 startToMs = 0;   // startTime lt
    int top = 0;            // 0: the server's default page size

    QString filterText() const; // the OData $filter, empty when there is none
};

struct OwnerChanges
{
    QList<Principal> add;
    QList<Principal> remove;
    QString roleName = QStringLiteral("CanEdit"); // live dialect: the role added principals get
};

// Every call of the Management API, typed, in the profile's dialect. Calls return at once with
// an id that cancels them; the result arrives once, as data or ApiError, on the callback, and
// never after the context object died. List calls take a nextLink to fetch the page after.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;
    using CallId = HttpTransport::CallId;
    // See HttpRequest::beforeSend: asked right before the request leaves; false holds it back.
    using SendGate = std::function<bool()>;

    explicit ApiClient(QObject *parent = nullptr);

    // Whether the account may use the admin scope. Unknown until an admin call answered; the first
    // 403 there makes it Denied for the rest of the session (until setProfile), and from then on
    // admin calls fail at once without being sent.
    enum class AdminAccess { Unknown, Granted, Denied };

    // The same client in the admin scope: calls on flows go through scopes/admin/... and reach
    // any flow of the environment. Shares this client's transport, profile and sign-in; owned by
    // it. On the admin client itself, returns itself.
    ApiClient *adminScope();
    ApiClient *userScope() { return m_root; }
    Scope scope() const { return m_scope; }
    AdminAccess adminAccess() const { return m_root->m_adminAccess; }

    void setProfile(const Profile &profile);
    const Profile &profile() const { return m_profile; }
    Dialect dialect() const { return m_profile.dialect; }
    HttpTransport *transport() const { return m_transport; }
    // Cancels a call: one still on the wire answers Cancelled; one whose answer is being parsed on
    // a worker answers Cancelled instead of its result.
    void cancel(CallId id);

    CallId listEnvironments(QObject *context, Callback<Page<Environment>> callback,
                            const QString &nextLink = {});
    CallId getEnvironment(const QString &env, QObject *context, Callback<Environment> callback);

    CallId listFlows(const QString &env, QObject *context, Callback<Page<Flow>> callback,
                     const QString &nextLink = {}, bool asAdmin = false);
    // Admin scope: every flow of the environment; withDeleted adds the recycle bin (soft-deleted
    // flows, state Deleted). top > 0 asks for pages of that size (the probe asks for one flow).
    CallId listAllFlows(const QString &env, bool withDeleted, QObject *context, Callback<Page<Flow>> callback,
                        const QString &nextLink = {}, int top = 0);
    // Admin scope: a soft-deleted flow back (turned off).
    CallId restoreFlow(const QString &env, const QString &flow, QObject *context, Callback<Done> callback,
                       const SendGate &gate = {});
    CallId getFlow(const QString &env, const QString &flow, QObject *context, Callback<Flow> callback);
    // properties: the "properties" object of the request (displayName, state, definition, ...)
    CallId createFlow(const QString &env, const QJsonObject &properties, QObject *context,
                      Callback<Flow> callback);
    CallId updateFlow(const QString &env, const QString &flow, const QJsonObject &properties,
                      QObject *context, Callback<Flow> callback);
    CallId deleteFlow(const QString &env, const QString &flow, QObject *context, Callback<Done> callback,
                      const SendGate &gate = {});
    CallId turnOnFlow(const QString &env, const QString &flow, QObject *context, Callback<Done> callback,
                      const SendGate &gate = {});
    CallId turnOffFlow(const QString &env, const QString &flow, QObject *context, Callback<Done> callback,
                       const SendGate &gate = {});
    CallId listCallbackUrl(const QString &env, const QString &flow, QObject *context,
                           Callback<QString> callback);
    CallId listTriggers(const QString &env, const QString &flow, QObject *context,
                        Callback<Page<Trigger>> callback);

    CallId listRuns(const QString &env, const QString &flow, const RunQuery &query, QObject *context,
                    Callback<Page<FlowRun>> callback, const QString &nextLink = {});
    CallId getRun(const QString &env, const QString &flow, const QString &run, bool withActions,
                  QObject *context, Callback<FlowRunDetails> callback);
    CallId listRunActions(const QString &env, const QString &flow, const QString &run, QObject *context,
                          Callback<Page<RunAction>> callback);
    CallId cancelRun(const QString &env, const QString &flow, const QString &run, QObject *context,
                     Callback<Done> callback, const SendGate &gate = {});
    // triggerName may be empty: the flow's trigger is looked up once and cached.
    void resubmitRun(const QString &env, const QString &flow, const QString &run, const QString &triggerName,
                     QObject *context, Callback<Done> callback, const SendGate &gate = {});

    // The document behind a run's content link (an inputsLink or outputsLink uri of the trigger
    // or of an action). The link is SAS-signed, often on another host (*.logic.azure.com): it is
    // fetched anonymously, with no bearer token, plain http only to loopback, within
    // kContentTimeoutMs; an answer over maxBytes fails (Refused) without being read whole.
    static constexpr qint64 kMaxContentBytes = 32LL * 1024 * 1024;
    static constexpr int kContentTimeoutMs = 20000;
    CallId fetchContent(const QUrl &link, QObject *context, Callback<QByteArray> callback,
                        qint64 maxBytes = kMaxContentBytes);
    // Starts a run: POSTs a JSON body to a Request trigger's callback URL (from listCallbackUrl),
    // anonymously since the URL carries its own signature. Never retried after it may have
    // arrived: a second POST would start a second run. The answer is the new run's name when
    // the service gives it (x-ms-workflow-run-id), else empty.
    CallId invokeCallback(const QUrl &callbackUrl, const QByteArray &body, QObject *context,
                          Callback<QString> callback);

    CallId listOwners(const QString &env, const QString &flow, QObject *context,
                      Callback<Page<FlowOwner>> callback);
    CallId modifyOwners(const QString &env, const QString &flow, const OwnerChanges &changes,
                        QObject *context, Callback<Done> callback, const SendGate &gate = {});

    CallId listConnectors(const QString &env, QObject *context, Callback<Page<Connector>> callback,
                          const QString &nextLink = {});
    CallId getConnector(const QString &env, const QString &api, QObject *context,
                        Callback<Connector> callback);
    CallId listConnections(const QString &env, QObject *context, Callback<Page<Connection>> callback,
                           const QString &nextLink = {});

    CallId searchUsers(const QString &prefix, int top, QObject *context, Callback<Page<Principal>> callback);
    CallId searchGroups(const QString &prefix, int top, QObject *context, Callback<Page<Principal>> callback);
    CallId getUser(const QString &objectId, QObject *context, Callback<Principal> callback);
    // Up to 15 object IDs in one Graph call ($filter=id in (...)); the answer holds those that
    // exist (users with accountEnabled). IDs absent from it are not in the directory.
    static constexpr int kLookupBatch = 15;
    CallId lookupPrincipals(PrincipalType type, const QStringList &ids, QObject *context,
                            Callback<Page<Principal>> callback);

signals:
    void adminAccessChanged(fc::ApiClient::AdminAccess access);

public:
    // The trigger a resubmit of this flow uses (cached).
    void resolveTrigger(const QString &env, const QString &flow, QObject *context,
                        Callback<QString> callback);

private:
    struct Call
    {
        Operation op;
        QHash<QString, QString> params;
        QUrlQuery query;
        QByteArray body;
        QString nextLink;
        // Parse the answer on a worker thread (large pages): the callback still runs on the
        // context's thread, and not at all once the context is gone.
        bool parseOffThread = false;
    };
    template <typename T>
    using Parser = std::function<Result<T>(const QByteArray &)>;

    template <typename T>
    CallId call(const Call &call, Parser<T> parse, QObject *context, Callback<T> callback,
                const SendGate &gate = {});

    ApiClient(ApiClient *root, Scope scope);
    void noteAdminAnswer(const ApiError &error);

    Profile m_profile;
    HttpTransport *m_transport = nullptr;
    ApiClient *m_root = this;     // the user-scope client; holds the admin verdict
    ApiClient *m_admin = nullptr; // owned child, made on first use
    Scope m_scope = Scope::User;
    AdminAccess m_adminAccess = AdminAccess::Unknown;
    QHash<QString, QString> m_triggerCache; // "env/flow" -> trigger name
    QSet<CallId> m_parsing;                 // answers being parsed on a worker (root client only)
};

} // namespace fc
