#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>

namespace fc {

// Value types of the API. Rows that are kept by the hundred thousand (runs) are compact:
// enums for states, milliseconds since the epoch for times, implicitly shared strings.

struct Environment
{
    QString name;
    QString displayName;
    QString description;
    QString location;
    QString sku;
    QString type;
    QString provisioningState;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    bool isDefault = false;
};

enum class FlowState : std::uint8_t { Unknown, Started, Stopped, Suspended, Deleted };
QString flowStateName(FlowState state);
FlowState flowStateFromName(QStringView name);

struct ConnectionReference
{
    QString key; // the key in connectionReferences, e.g. shared_sharepointonline
    QString connectionName;
    QString displayName;
    QString apiId;
    QString source;
    QString logicalName;
};

struct Flow
{
    QString name; // GUID
    QString environment;
    QString displayName;
    FlowState state = FlowState::Unknown;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    QString lastModifiedRaw; // exact server text, compared to detect concurrent edits
    QString triggerType;     // e.g. Request/Button, Recurrence
    QString creatorObjectId;
    QString flowTriggerUri;
    QString suspensionReason;
    QString templateName;
    QList<ConnectionReference> connectionReferences;
    QJsonObject definition; // present on getFlow, usually absent on lists
    QJsonObject raw;        // every property as the server sent it, for the details page
};

enum class RunStatus : std::uint8_t {
    Unknown,
    Running,
    Waiting,
    Succeeded,
    Failed,
    Cancelled,
    Suspended,
    Canceling
};
QString runStatusName(RunStatus status);
RunStatus runStatusFromName(QStringView name);
inline bool isRunActive(RunStatus s)
{
    return s == RunStatus::Running || s == RunStatus::Waiting;
}

struct FlowRun
{
    QString name;
    qint64 startMs = 0;
    qint64 endMs = 0; // 0 while running
    QString code;
    QString triggerName;
    QString correlationId;
    QString originRun; // for a resubmitted run: the run it was resubmitted from
    RunStatus status = RunStatus::Unknown;
};

struct RunAction
{
    QString name;
    QString type;
    RunStatus status = RunStatus::Unknown;
    QString code;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString errorMessage;
    // The uri of its inputsLink / outputsLink (SAS-signed, fetched without a token); empty when
    // it has none (skipped actions, conditions, outputs of a running action).
    QString inputsLink;
    QString outputsLink;
};

struct FlowRunDetails
{
    FlowRun run;
    QString triggerInputsLink;
    QString triggerOutputsLink;
    QString triggerStatus;
    QList<RunAction> actions;
};

struct Trigger
{
    QString name;
    QString type;
    QString kind;
};

enum class PrincipalType : std::uint8_t { Unknown, User, Group, ServicePrincipal };
QString principalTypeName(PrincipalType type);
PrincipalType principalTypeFromName(QStringView name);

struct Principal
{
    QString id;
    QString displayName;
    QString email;
    QString userPrincipalName;
    PrincipalType type = PrincipalType::Unknown;
    QString tenantId;
    bool accountEnabled = true; // a user whose account is disabled is no valid owner
};

struct FlowOwner
{
    QString permissionName;
    QString roleName; // Owner, CanEdit, CanView
    Principal principal;
};

struct Connector
{
    QString name;
    QString displayName;
    QString iconUri;
    QString tier;
    QString publisher;
    bool isCustom = false;
};

struct Connection
{
    QString name;
    QString displayName;
    QString apiId;
    QString status; // Connected, Error ...
    // Why a connection is in Error, in the service's words (statuses[0].error).
    QString errorCode;
    QString errorMessage;
    // The connector's own name, when the service sends it with the connection.
    QString connectorDisplayName;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
};

// One page of a list and the cursor to the next one (empty when this was the last).
template <typename T>
struct Page
{
    QList<T> items;
    QString nextLink;
};

} // namespace fc
