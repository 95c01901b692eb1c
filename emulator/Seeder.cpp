#include "Seeder.h"

#include <optional>
#include <utility>

#include "ApiContext.h"
#include "RunLedger.h"
#include "Store.h"
#include "Util.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

enum class Account { Enabled, Disabled, Deleted };
struct UserSeed
{
    const char *alias, *displayName, *jobTitle;
    bool admin;        // a Power Platform administrator
    const char *group; // nullptr: none
    Account account;
};
// Adele, the demo user, comes first and is not an administrator; Diego is. The last four own
// the orphaned flows: two accounts are disabled, two deleted (gone from the directory).
const UserSeed kUsers[] = {
    {"adele.vance", "Adele Vance", "Automation Lead", false, "IT Operations", Account::Enabled},
    {"james.miller", "James Miller", "Finance Analyst", false, "Finance Automation", Account::Enabled},
    {"jane.smith", "Jane Smith", "Accounts Payable Lead", false, "Finance Automation", Account::Enabled},
    {"megan.bowen", "Megan Bowen", "Marketing Manager", false, nullptr, Account::Enabled},
    {"nestor.wilke", "Nestor Wilke", "IT Engineer", false, "IT Operations", Account::Enabled},
    {"lidia.holloway", "Lidia Holloway", "Product Manager", false, nullptr, Account::Enabled},
    {"diego.siciliani", "Diego Siciliani", "Power Platform Administrator", true, "IT Operations",
     Account::Enabled},
    {"alex.wilber", "Alex Wilber", "Sales Lead", false, nullptr, Account::Disabled},
    {"debra.berger", "Debra Berger", "Partner Manager", false, nullptr, Account::Disabled},
    {"pradeep.gupta", "Pradeep Gupta", "Account Manager", false, "Finance Automation", Account::Deleted},
    {"isaiah.langer", "Isaiah Langer", "Warehouse Coordinator", false, nullptr, Account::Deleted},
};
const char *const kGroups[][3] = {
    {"Finance Automation", "finance-automation@contoso.example", "Owners of the finance flows"},
    {"IT Operations", "it-operations@contoso.example", "Runs the tenant's operational flows"},
};

struct ConnectorSeed
{
    const char *name, *displayName, *description, *publisher, *tier;
    bool custom;
};
const ConnectorSeed kConnectors[] = {
    {"shared_sharepointonline", "SharePoint", "Lists, libraries and files in SharePoint Online.", "Microsoft",
     "Standard", false},
    {"shared_office365", "Office 365 Outlook", "Mail, calendar and contacts in Outlook.", "Microsoft",
     "Standard", false},
    {"shared_commondataserviceforapps", "Microsoft Dataverse", "Rows in Dataverse tables.", "Microsoft",
     "Premium", false},
    {"shared_teams", "Microsoft Teams", "Messages, channels and meetings in Teams.", "Microsoft", "Standard",
     false},
    {"shared_approvals", "Approvals", "Start and track approvals.", "Microsoft", "Standard", false},
    {"shared_onedriveforbusiness", "OneDrive for Business", "Files in OneDrive for Business.", "Microsoft",
     "Standard", false},
    {"shared_office365users", "Office 365 Users", "Profiles in the organisation.", "Microsoft", "Standard",
     false},
    {"shared_excelonlinebusiness", "Excel Online (Business)", "Tables in Excel workbooks.", "Microsoft",
     "Standard", false},
    {"shared_planner", "Planner", "Plans and tasks in Microsoft Planner.", "Microsoft", "Standard", false},
};

// Custom connectors belong to one environment: 0 default, 1 production.
struct CustomConnectorSeed
{
    const char *name, *displayName, *description;
    int env;
};
const CustomConnectorSeed kCustomConnectors[] = {
    {"shared_contoso-inventory-5f2e", "Contoso Inventory", "Contoso's stock service (custom connector).", 0},
    {"shared_contoso-ticketing-7a1c", "Contoso Ticketing", "Opens and updates IT tickets (custom connector).",
     0},
    {"shared_contoso-erp-3b9d", "Contoso ERP", "Orders and invoices in Contoso's ERP (custom connector).", 1},
};

// Templates of real definitions: trigger, then actions in run order, with the connectors used.
struct TemplateSeed
{
    const char *name;
    const char *trigger;
    const char *actions;
};
const TemplateSeed kTemplates[] = {
    {"button-sharepoint-outlook",
     R"j({"manual":{"type":"Request","kind":"Button","inputs":{"schema":{"type":"object","properties":{"text":{"title":"Title","type":"string","x-ms-dynamically-added":true}},"required":["text"]}}}})j",
     R"j({"Get_items":{"type":"OpenApiConnection","runAfter":{},"inputs":{"host":{"connectionName":"shared_sharepointonline","operationId":"GetItems","apiId":"/providers/Microsoft.PowerApps/apis/shared_sharepointonline"},"parameters":{"dataset":"https://contoso.sharepoint.com/sites/Operations","table":"Requests","$top":100},"authentication":"@parameters('$authentication')"}},
        "Create_item":{"type":"OpenApiConnection","runAfter":{"Get_items":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_sharepointonline","operationId":"PostItem","apiId":"/providers/Microsoft.PowerApps/apis/shared_sharepointonline"},"parameters":{"dataset":"https://contoso.sharepoint.com/sites/Operations","table":"Log","item/Title":"@triggerBody()['text']"},"authentication":"@parameters('$authentication')"}},
        "Send_an_email_(V2)":{"type":"OpenApiConnection","runAfter":{"Create_item":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_office365","operationId":"SendEmailV2","apiId":"/providers/Microsoft.PowerApps/apis/shared_office365"},"parameters":{"emailMessage/To":"ops@contoso.example","emailMessage/Subject":"New request logged","emailMessage/Body":"<p>@{triggerBody()['text']}</p>"},"authentication":"@parameters('$authentication')"}}})j"},
    {"recurrence-dataverse-outlook",
     R"j({"Recurrence":{"type":"Recurrence","recurrence":{"frequency":"Day","interval":1,"schedule":{"hours":["7"]},"timeZone":"W. Europe Standard Time"}}})j",
     R"j({"List_rows":{"type":"OpenApiConnection","runAfter":{},"inputs":{"host":{"connectionName":"shared_commondataserviceforapps","operationId":"ListRecords","apiId":"/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps"},"parameters":{"entityName":"opportunities","$filter":"statecode eq 0","$top":50},"authentication":"@parameters('$authentication')"}},
        "Create_HTML_table":{"type":"Table","runAfter":{"List_rows":["Succeeded"]},"inputs":{"from":"@outputs('List_rows')?['body/value']","format":"HTML"}},
        "Send_an_email_(V2)":{"type":"OpenApiConnection","runAfter":{"Create_HTML_table":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_office365","operationId":"SendEmailV2","apiId":"/providers/Microsoft.PowerApps/apis/shared_office365"},"parameters":{"emailMessage/To":"sales@contoso.example","emailMessage/Subject":"Daily pipeline","emailMessage/Body":"@body('Create_HTML_table')"},"authentication":"@parameters('$authentication')"}}})j"},
    {"http-request-dataverse",
     R"j({"manual":{"type":"Request","kind":"Http","inputs":{"method":"POST","schema":{"type":"object","properties":{"orderId":{"type":"string"},"amount":{"type":"number"}}}}}})j",
     R"j({"Parse_JSON":{"type":"ParseJson","runAfter":{},"inputs":{"content":"@triggerBody()","schema":{"type":"object","properties":{"orderId":{"type":"string"},"amount":{"type":"number"}}}}},
        "Add_a_new_row":{"type":"OpenApiConnection","runAfter":{"Parse_JSON":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_commondataserviceforapps","operationId":"CreateRecord","apiId":"/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps"},"parameters":{"entityName":"salesorders","item/name":"@body('Parse_JSON')?['orderId']"},"authentication":"@parameters('$authentication')"}},
        "Response":{"type":"Response","kind":"Http","runAfter":{"Add_a_new_row":["Succeeded"]},"inputs":{"statusCode":200,"body":{"status":"accepted"}}}})j"},
    {"recurrence-http-teams",
     R"j({"Recurrence":{"type":"Recurrence","recurrence":{"frequency":"Hour","interval":4}}})j",
     R"j({"HTTP":{"type":"Http","runAfter":{},"inputs":{"method":"GET","uri":"https://status.contoso.example/api/health"}},
        "Condition":{"type":"If","runAfter":{"HTTP":["Succeeded"]},"expression":{"and":[{"not":{"equals":["@outputs('HTTP')['statusCode']",200]}}]},"actions":{},"else":{"actions":{}}},
        "Post_message_in_a_chat_or_channel":{"type":"OpenApiConnection","runAfter":{"Condition":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_teams","operationId":"PostMessageToConversation","apiId":"/providers/Microsoft.PowerApps/apis/shared_teams"},"parameters":{"poster":"Flow bot","location":"Channel","body/recipient/groupId":"it-operations","body/messageBody":"Health check: @{outputs('HTTP')['statusCode']}"},"authentication":"@parameters('$authentication')"}}})j"},
    {"button-approval",
     R"j({"manual":{"type":"Request","kind":"Button","inputs":{"schema":{"type":"object","properties":{"text":{"title":"Amount","type":"string"}}}}}})j",
     R"j({"Start_and_wait_for_an_approval":{"type":"OpenApiConnectionWebhook","runAfter":{},"inputs":{"host":{"connectionName":"shared_approvals","operationId":"StartAndWaitForAnApproval","apiId":"/providers/Microsoft.PowerApps/apis/shared_approvals"},"parameters":{"approvalType":"Basic","WebhookApprovalCreationInput/title":"Expense approval","WebhookApprovalCreationInput/assignedTo":"jane.smith@contoso.example"},"authentication":"@parameters('$authentication')"}},
        "Update_item":{"type":"OpenApiConnection","runAfter":{"Start_and_wait_for_an_approval":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_sharepointonline","operationId":"PatchItem","apiId":"/providers/Microsoft.PowerApps/apis/shared_sharepointonline"},"parameters":{"dataset":"https://contoso.sharepoint.com/sites/Finance","table":"Expenses","id":1},"authentication":"@parameters('$authentication')"}},
        "Send_an_email_(V2)":{"type":"OpenApiConnection","runAfter":{"Update_item":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_office365","operationId":"SendEmailV2","apiId":"/providers/Microsoft.PowerApps/apis/shared_office365"},"parameters":{"emailMessage/To":"finance@contoso.example","emailMessage/Subject":"Expense decided"},"authentication":"@parameters('$authentication')"}}})j"},
    // A connector's polling trigger: its runs carry trigger inputs and outputs.
    {"sharepoint-item-teams",
     R"j({"When_an_item_is_created":{"type":"OpenApiConnection","recurrence":{"frequency":"Minute","interval":5},"splitOn":"@triggerOutputs()?['body/value']","inputs":{"host":{"connectionName":"shared_sharepointonline","operationId":"GetOnNewItems","apiId":"/providers/Microsoft.PowerApps/apis/shared_sharepointonline"},"parameters":{"dataset":"https://contoso.sharepoint.com/sites/Operations","table":"Requests"},"authentication":"@parameters('$authentication')"}}})j",
     R"j({"Post_message_in_a_chat_or_channel":{"type":"OpenApiConnection","runAfter":{},"inputs":{"host":{"connectionName":"shared_teams","operationId":"PostMessageToConversation","apiId":"/providers/Microsoft.PowerApps/apis/shared_teams"},"parameters":{"poster":"Flow bot","location":"Channel","body/recipient/groupId":"5f0e1c7a-2b2d-4d5e-9a51-3c1f0b6a7e21","body/recipient/channelId":"19:operations@thread.tacv2","body/messageBody":"<p>New request: @{triggerOutputs()?['body/Title']}</p>"},"authentication":"@parameters('$authentication')"}},
        "Archive_item":{"type":"OpenApiConnection","runAfter":{"Post_message_in_a_chat_or_channel":["Succeeded"]},"inputs":{"host":{"connectionName":"shared_sharepointonline","operationId":"PostItem","apiId":"/providers/Microsoft.PowerApps/apis/shared_sharepointonline"},"parameters":{"dataset":"https://contoso.sharepoint.com/sites/Operations","table":"Archive","item/Title":"@triggerOutputs()?['body/Title']"},"authentication":"@parameters('$authentication')"}}})j"},
};

struct FlowSeed
{
    const char *displayName;
    int env; // 0 default, 1 production, 2 development
    int templateIndex;
    const char *creator;
    const char *coOwner; // a user alias, a group name, or nullptr
    const char *state;
    double failureRatio;
};
const FlowSeed kFlows[] = {
    {"Log operations requests", 0, 0, "adele.vance", nullptr, "Started", 0.05},
    {"Daily pipeline digest", 0, 1, "adele.vance", "IT Operations", "Started", 0.08},
    {"Receive web orders", 0, 2, "adele.vance", nullptr, "Started", 0.12},
    {"Service health check", 0, 3, "adele.vance", "nestor.wilke", "Started", 0.25},
    {"Expense approval", 0, 4, "adele.vance", "Finance Automation", "Started", 0.04},
    {"Onboard new hire", 0, 0, "adele.vance", nullptr, "Stopped", 0.1},
    {"Weekly license report", 0, 1, "adele.vance", nullptr, "Started", 0.02},
    {"Sync Dataverse orders", 0, 2, "adele.vance", "james.miller", "Started", 0.15},
    {"Escalate failed backups", 0, 3, "adele.vance", nullptr, "Suspended", 0.3},
    {"Travel request approval", 0, 4, "adele.vance", nullptr, "Started", 0.06},
    {"Invoice intake", 0, 2, "james.miller", "Finance Automation", "Started", 0.1},
    {"Month-end close reminder", 0, 1, "james.miller", nullptr, "Started", 0.03},
    {"Vendor onboarding", 0, 0, "jane.smith", "Finance Automation", "Started", 0.07},
    {"Purchase order approval", 0, 4, "jane.smith", nullptr, "Started", 0.05},
    {"Campaign lead capture", 0, 2, "megan.bowen", nullptr, "Started", 0.09},
    {"Social mentions digest", 0, 1, "megan.bowen", nullptr, "Stopped", 0.2},
    {"Event registration", 0, 0, "megan.bowen", "adele.vance", "Started", 0.04},
    {"Patch Tuesday notice", 0, 3, "nestor.wilke", "IT Operations", "Started", 0.1},
    {"Disk space alert", 0, 3, "nestor.wilke", nullptr, "Started", 0.35},
    {"Roadmap feedback intake", 0, 0, "lidia.holloway", nullptr, "Started", 0.05},
    {"Release notes mailer", 0, 1, "lidia.holloway", nullptr, "Stopped", 0.1},
    {"Beta sign-up", 0, 2, "lidia.holloway", "megan.bowen", "Started", 0.08},
    {"Production order sync", 1, 2, "adele.vance", "IT Operations", "Started", 0.06},
    {"Production nightly export", 1, 1, "adele.vance", nullptr, "Started", 0.04},
    {"Production uptime probe", 1, 3, "nestor.wilke", "IT Operations", "Started", 0.18},
    {"Supplier invoice approval", 1, 4, "jane.smith", "Finance Automation", "Started", 0.05},
    {"Payment run notification", 1, 1, "james.miller", "Finance Automation", "Started", 0.03},
    {"Credit note intake", 1, 2, "james.miller", nullptr, "Started", 0.11},
    {"Customer survey follow-up", 1, 0, "megan.bowen", nullptr, "Started", 0.07},
    {"Newsletter send", 1, 1, "megan.bowen", nullptr, "Stopped", 0.1},
    {"Asset check-out", 1, 0, "adele.vance", nullptr, "Started", 0.05},
    {"Contract renewal approval", 1, 4, "jane.smith", nullptr, "Started", 0.06},
    {"Inventory threshold alert", 1, 3, "nestor.wilke", nullptr, "Started", 0.22},
    {"Quarterly access review", 1, 4, "adele.vance", "IT Operations", "Started", 0.03},
    {"Dev build notifier", 2, 3, "nestor.wilke", "IT Operations", "Started", 0.3},
    {"Dev test order intake", 2, 2, "adele.vance", nullptr, "Started", 0.2},
    {"Prototype approval", 2, 4, "lidia.holloway", nullptr, "Stopped", 0.1},
    {"Dev data refresh", 2, 1, "nestor.wilke", nullptr, "Started", 0.15},
    {"Sandbox cleanup", 2, 3, "adele.vance", "lidia.holloway", "Started", 0.12},
    {"Feature flag audit", 2, 0, "lidia.holloway", "IT Operations", "Started", 0.05},
    // Orphaned: every owner's account is disabled or deleted.
    {"Quarterly sales forecast", 0, 1, "alex.wilber", nullptr, "Started", 0.2},
    {"Lead assignment", 0, 0, "alex.wilber", "debra.berger", "Started", 0.15},
    {"Partner portal intake", 0, 2, "debra.berger", "pradeep.gupta", "Started", 0.1},
    {"Contract renewal reminder", 0, 1, "pradeep.gupta", nullptr, "Started", 0.25},
    {"Warehouse stock sync", 0, 5, "isaiah.langer", nullptr, "Started", 0.3},
    {"Key account digest", 1, 1, "pradeep.gupta", "isaiah.langer", "Stopped", 0.1},
    // A connector trigger, visible to Adele through IT Operations.
    {"Archive new SharePoint items", 0, 5, "nestor.wilke", "IT Operations", "Started", 0.08},
};

// Soft-deleted flows in the default environment (the admin's recycle bin), deleted this many
// days ago; the last is past the 21 days the service keeps them, so it is gone for good.
struct DeletedFlowSeed
{
    const char *displayName;
    int templateIndex;
    const char *creator, *deletedBy;
    int daysAgo;
};
const DeletedFlowSeed kDeletedFlows[] = {
    {"Old expense tracker", 0, "adele.vance", "adele.vance", 3},
    {"Legacy newsletter", 1, "megan.bowen", "megan.bowen", 10},
    {"Temp import job", 2, "james.miller", "diego.siciliani", 1},
    {"Retired survey flow", 0, "megan.bowen", "megan.bowen", 25},
};

// The name of a template's (only) trigger.
QString triggerNameOf(int templateIndex)
{
    return QJsonDocument::fromJson(kTemplates[templateIndex].trigger).object().keys().value(0);
}

QString upnOf(const QString &alias)
{
    return alias + u"@contoso.example"_s;
}
} // namespace

QString Seeder::tenantId()
{
    return u"00000000-0000-4000-8000-00000000c0de"_s;
}
QString Seeder::defaultEnvironment()
{
    return u"Default-"_s + tenantId();
}
QString Seeder::productionEnvironment()
{
    return u"1f3a5c7e-9b2d-4f6a-8c0e-2d4f6a8c0e1a"_s;
}
QString Seeder::developmentEnvironment()
{
    return u"7e5c3a1f-2d4b-4c6e-9f8a-0b2d4f6a8c9e"_s;
}
QString Seeder::loadTestEnvironment()
{
    return u"5a0ad7e5-7000-4000-8000-00000000beef"_s;
}

QString Seeder::adminTestEnvironment()
{
    return u"5a0ad7e5-7000-4000-8000-0000000ad317"_s;
}

QString Seeder::userId(const QString &alias) const
{
    return stableGuid(u"user:"_s + upnOf(alias));
}

namespace {
// admin:N[:M] -> {N, M}; M defaults to a tenth of N.
std::optional<std::pair<int, int>> adminSpec(const QString &spec)
{
    if (!spec.startsWith("admin:"_L1))
        return std::nullopt;
    const QStringList parts = spec.mid(6).split(u':');
    bool ok = false, ok2 = true;
    const int flows = parts.value(0).toInt(&ok);
    const int orphaned = parts.size() > 1 ? parts.value(1).toInt(&ok2) : flows / 10;
    if (!ok || !ok2 || parts.size() > 2 || flows < 0 || orphaned < 0 || orphaned > flows || flows > 1000000)
        return std::nullopt;
    return std::pair{flows, orphaned};
}
} // namespace

bool Seeder::isValidSpec(const QString &spec)
{
    if (spec == "demo"_L1 || spec == "empty"_L1 || adminSpec(spec))
        return true;
    bool ok = false;
    return spec.startsWith("large:"_L1) && spec.mid(6).toInt(&ok) >= 0 && ok;
}

bool Seeder::seed(const QString &spec, QString *error)
{
    if (!isValidSpec(spec)) {
        if (error)
            *error = u"--seed takes demo, empty, large:N or admin:N[:M]"_s;
        return false;
    }
    Store &store = m_ctx.store;
    store.begin();
    seedDirectory();
    seedConnectors();
    seedEnvironments(spec != "empty"_L1);
    seedCustomConnectors(spec != "empty"_L1);
    if (spec != "empty"_L1) {
        seedConnections();
        seedFlows();
        seedDeletedFlows();
    }
    if (spec.startsWith("large:"_L1))
        seedLarge(spec.mid(6).toInt());
    if (const auto admin = adminSpec(spec))
        seedAdminScale(admin->first, admin->second);
    store.setMeta(u"seed"_s, spec);
    return store.commit();
}

void Seeder::seedDirectory()
{
    int ord = 0;
    for (const auto &g : kGroups)
        m_ctx.store.run(u"INSERT INTO groups(id, display_name, mail, description) VALUES(?,?,?,?)"_s,
                        {stableGuid(u"group:"_s + QLatin1StringView(g[0])), QString::fromLatin1(g[0]),
                         QString::fromLatin1(g[1]), QString::fromLatin1(g[2])});
    const qint64 now = nowMs();
    for (const UserSeed &u : kUsers) {
        const QString alias = QString::fromLatin1(u.alias);
        const QString id = userId(alias);
        m_ctx.store.run(
            u"INSERT INTO users(id, upn, display_name, mail, job_title, is_admin, ord, account_enabled,"
            " deleted_ms) VALUES(?,?,?,?,?,?,?,?,?)"_s,
            {id, upnOf(alias), QString::fromLatin1(u.displayName), upnOf(alias),
             QString::fromLatin1(u.jobTitle), u.admin ? 1 : 0, ord++, u.account == Account::Disabled ? 0 : 1,
             u.account == Account::Deleted ? QVariant(now - 12 * kDayMs) : QVariant()});
        m_ctx.store.run(u"INSERT INTO memberships(user_id, principal_id) VALUES(?,?)"_s, {id, id});
        if (u.group)
            m_ctx.store.run(u"INSERT INTO memberships(user_id, principal_id) VALUES(?,?)"_s,
                            {id, stableGuid(u"group:"_s + QLatin1StringView(u.group))});
    }
}

void Seeder::seedEnvironments(bool all)
{
    const qint64 now = nowMs();
    struct Env
    {
        QString name, displayName, description, location, sku;
        bool isDefault, everyone;
        QStringList access;
    };
    QList<Env> envs{{defaultEnvironment(),
                     u"Contoso (default)"_s,
                     u"The tenant's default environment."_s,
                     u"unitedstates"_s,
                     u"Default"_s,
                     true,
                     true,
                     {}}};
    if (all) {
        envs.append({productionEnvironment(),
                     u"Contoso Production"_s,
                     u"Business-critical flows."_s,
                     u"unitedstates"_s,
                     u"Production"_s,
                     false,
                     false,
                     {stableGuid(u"group:Finance Automation"_s), stableGuid(u"group:IT Operations"_s),
                      userId(u"megan.bowen"_s)}});
        envs.append({developmentEnvironment(),
                     u"Contoso Development"_s,
                     u"Where flows are built and tried."_s,
                     u"europe"_s,
                     u"Sandbox"_s,
                     false,
                     false,
                     {stableGuid(u"group:IT Operations"_s), userId(u"lidia.holloway"_s)}});
    }
    int ord = 0;
    for (const Env &e : envs) {
        m_ctx.store.run(
            u"INSERT INTO environments(name, display_name, description, location, sku, type, is_default,"
            " created_ms, modified_ms, everyone, ord) VALUES(?,?,?,?,?,?,?,?,?,?,?)"_s,
            {e.name, e.displayName, e.description, e.location, e.sku, e.sku, e.isDefault ? 1 : 0,
             now - (400 - ord * 90) * kDayMs, now - (20 - ord) * kDayMs, e.everyone ? 1 : 0, ord});
        ++ord;
        for (const QString &p : e.access)
            m_ctx.store.run(u"INSERT INTO env_access(env, principal_id) VALUES(?,?)"_s, {e.name, p});
    }
}

void Seeder::seedConnectors()
{
    int ord = 0;
    for (const ConnectorSeed &c : kConnectors) {
        const QString name = QString::fromLatin1(c.name);
        m_ctx.store.run(
            u"INSERT INTO connectors(name, display_name, description, publisher, tier, icon_uri, is_custom, "
            u"ord)"
            " VALUES(?,?,?,?,?,?,?,?)"_s,
            {name, QString::fromLatin1(c.displayName), QString::fromLatin1(c.description),
             QString::fromLatin1(c.publisher), QString::fromLatin1(c.tier),
             QString(u"https://connectoricons-prod.azureedge.net/releases/v1.0.1700/1.0.1700.3800/"_s +
                     name.mid(7) + u"/icon.png"_s),
             c.custom ? 1 : 0, ord++});
    }
}

void Seeder::seedCustomConnectors(bool all)
{
    const QString envs[] = {defaultEnvironment(), productionEnvironment()};
    int ord = int(std::size(kConnectors));
    for (const CustomConnectorSeed &c : kCustomConnectors) {
        if (c.env > 0 && !all)
            continue;
        const QString name = QString::fromLatin1(c.name);
        m_ctx.store.run(u"INSERT INTO connectors(name, display_name, description, publisher, tier, icon_uri, "
                        u"is_custom, ord, env)"
                        " VALUES(?,?,?,'Contoso','Premium',?,1,?,?)"_s,
                        {name, QString::fromLatin1(c.displayName), QString::fromLatin1(c.description),
                         QString(u"https://contoso.example/connectors/"_s + name.mid(7) + u"/icon.png"_s),
                         ord++, envs[c.env]});
    }
}

void Seeder::seedConnections()
{
    const qint64 now = nowMs();
    const char *const defaults[] = {"shared_sharepointonline",
                                    "shared_office365",
                                    "shared_commondataserviceforapps",
                                    "shared_teams",
                                    "shared_approvals",
                                    "shared_onedriveforbusiness"};
    const char *const production[] = {"shared_sharepointonline", "shared_commondataserviceforapps"};
    auto add = [&](const QString &env, const char *api, int i) {
        const QString apiName = QString::fromLatin1(api);
        const QString name =
            apiName.mid(7, 12).replace(u'_', u'-') + u'-' + stableGuid(env + apiName).remove(u'-');
        m_ctx.store.run(u"INSERT INTO connections(env, name, api, display_name, created_ms, modified_ms, "
                        u"status, created_by)"
                        " VALUES(?,?,?,?,?,?,?,?)"_s,
                        {env, QString(u"shared-"_s + name), apiName, u"adele.vance@contoso.example"_s,
                         now - (200 - i * 10) * kDayMs, now - (30 - i) * kDayMs,
                         i == 3 ? u"Error"_s : u"Connected"_s, userId(u"adele.vance"_s)});
    };
    int i = 0;
    for (const char *api : defaults)
        add(defaultEnvironment(), api, i++);
    for (const char *api : production)
        add(productionEnvironment(), api, i++);
}

QJsonObject Seeder::definition(int templateIndex, QJsonObject *connectionReferences) const
{
    const TemplateSeed &t = kTemplates[templateIndex];
    QJsonObject def{
        {u"$schema"_s,
         u"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#"_s},
        {u"contentVersion"_s, u"1.0.0.0"_s},
        {u"parameters"_s, QJsonObject{{u"$authentication"_s, QJsonObject{{u"defaultValue"_s, QJsonObject{}},
                                                                         {u"type"_s, u"SecureObject"_s}}},
                                      {u"$connections"_s, QJsonObject{{u"defaultValue"_s, QJsonObject{}},
                                                                      {u"type"_s, u"Object"_s}}}}},
        {u"triggers"_s, QJsonDocument::fromJson(t.trigger).object()},
        {u"actions"_s, QJsonDocument::fromJson(t.actions).object()},
    };
    QJsonObject refs;
    QJsonObject steps = def.value("actions"_L1).toObject();
    const QJsonObject triggers = def.value("triggers"_L1).toObject();
    for (auto it = triggers.begin(); it != triggers.end(); ++it)
        steps.insert(it.key(), it.value());
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        const QJsonObject host =
            it.value().toObject().value("inputs"_L1).toObject().value("host"_L1).toObject();
        const QString api = host.value("connectionName"_L1).toString();
        if (api.isEmpty() || refs.contains(api))
            continue;
        const QString apiName = api;
        QString display;
        for (const ConnectorSeed &c : kConnectors)
            if (apiName == QLatin1StringView(c.name))
                display = QString::fromLatin1(c.displayName);
        refs.insert(api, QJsonObject{
                             {u"connectionName"_s,
                              QString(u"shared-"_s + apiName.mid(7, 12).replace(u'_', u'-') + u'-' +
                                      stableGuid(defaultEnvironment() + apiName).remove(u'-'))},
                             {u"displayName"_s, display},
                             {u"id"_s, QString(u"/providers/Microsoft.PowerApps/apis/"_s + apiName)},
                             {u"source"_s, u"Embedded"_s},
                             {u"tier"_s, u"NotSpecified"_s},
                         });
    }
    *connectionReferences = refs;
    return def;
}

QString Seeder::addFlow(const QString &env, const QString &displayName, int templateIndex,
                        const QString &creator, const QString &state, double failureRatio, qint64 createdMs)
{
    QJsonObject refs;
    const QJsonObject def = definition(templateIndex, &refs);
    FlowRow f;
    f.env = env;
    f.name = stableGuid(u"flow:"_s + env + u':' + displayName);
    f.displayName = displayName;
    f.state = state;
    f.connectionReferences = QJsonDocument(refs).toJson(QJsonDocument::Compact);
    f.createdMs = createdMs;
    f.modified = isoTime(createdMs + qint64(m_random() % (20 * kDayMs)));
    f.creator = creator;
    f.failureRatio = failureRatio;
    f.templateName = QString::fromLatin1(kTemplates[templateIndex].name);
    m_ctx.saveFlow(f, def, true);
    m_ctx.addOwner(env, f.name, creator, u"User"_s, u"Owner"_s);
    return f.name;
}

void Seeder::addRuns(const QString &env, const QString &flow, const QString &trigger, int count,
                     double failureRatio, qint64 fromMs, qint64 toMs)
{
    QSqlQuery &q = m_ctx.store.prepared(
        u"INSERT INTO runs(env, flow, name, trigger_name, start_ms, end_ms, status, due_ms,"
        " final_status, correlation) VALUES(?,?,?,?,?,?,?,?,?,?)"_s);
    const qint64 span = std::max<qint64>(1, toMs - fromMs);
    const qint64 now = nowMs();
    for (int i = 0; i < count; ++i) {
        const qint64 start = fromMs + qint64(m_random() % quint64(span));
        const qint64 duration = 1500 + qint64(m_random() % 180000);
        const double roll = double(m_random() % 10000) / 10000.0;
        QString status = roll < failureRatio          ? u"Failed"_s
                         : roll < failureRatio + 0.02 ? u"Cancelled"_s
                                                      : u"Succeeded"_s;
        QVariant end = start + duration, due;
        QString final = status;
        if (start + duration > now) { // still going: it ends lazily when its time comes
            final = status == "Cancelled"_L1 ? u"Succeeded"_s : status;
            status = u"Running"_s;
            end = QVariant();
            due = start + duration;
        }
        q.bindValue(0, env);
        q.bindValue(1, flow);
        q.bindValue(2, m_ctx.runs.nameAt(start));
        q.bindValue(3, trigger);
        q.bindValue(4, start);
        q.bindValue(5, end);
        q.bindValue(6, status);
        q.bindValue(7, due);
        q.bindValue(8, final);
        q.bindValue(9, newGuid());
        q.exec();
    }
    q.finish();
}

void Seeder::seedFlows()
{
    const QString envs[] = {defaultEnvironment(), productionEnvironment(), developmentEnvironment()};
    const qint64 now = nowMs();
    for (const FlowSeed &s : kFlows) {
        const QString env = envs[s.env];
        const QString creator = userId(QString::fromLatin1(s.creator));
        const qint64 created = now - (40 + qint64(m_random() % 300)) * kDayMs;
        const QString flow = addFlow(env, QString::fromLatin1(s.displayName), s.templateIndex, creator,
                                     QString::fromLatin1(s.state), s.failureRatio, created);
        if (s.coOwner) {
            const QString co = QString::fromLatin1(s.coOwner);
            const bool group = co.contains(u' ');
            m_ctx.addOwner(env, flow, group ? stableGuid(u"group:"_s + co) : userId(co),
                           group ? u"Group"_s : u"User"_s, u"CanEdit"_s);
        }
        const QString trigger = triggerNameOf(s.templateIndex);
        // ~2,000 runs in all: scheduled flows run more often than buttons; stopped ones stopped a while ago.
        const bool scheduled = s.templateIndex == 1 || s.templateIndex == 3 || s.templateIndex == 5;
        const int count = (scheduled ? 60 : 35) + int(m_random() % 30);
        const qint64 until = QLatin1StringView(s.state) == "Started"_L1 ? now + 60000 : now - 5 * kDayMs;
        addRuns(env, flow, trigger, count, s.failureRatio, now - 28 * kDayMs, until);
        if (s.templateIndex == 4 && QLatin1StringView(s.state) == "Started"_L1) {
            // An approval that nobody has answered yet.
            m_ctx.store.run(u"INSERT INTO runs(env, flow, name, trigger_name, start_ms, end_ms, status, "
                            u"due_ms, final_status,"
                            " correlation) VALUES(?,?,?,?,?,NULL,'Waiting',NULL,'Waiting',?)"_s,
                            {env, flow, m_ctx.runs.nameAt(now - 3600000), trigger, now - 3600000, newGuid()});
        }
    }
}

void Seeder::seedDeletedFlows()
{
    const QString env = defaultEnvironment();
    const qint64 now = nowMs();
    for (const DeletedFlowSeed &d : kDeletedFlows) {
        const qint64 deleted = now - d.daysAgo * kDayMs - 3600000;
        const qint64 created = deleted - (60 + qint64(m_random() % 200)) * kDayMs;
        const QString flow = addFlow(env, QString::fromLatin1(d.displayName), d.templateIndex,
                                     userId(QString::fromLatin1(d.creator)), u"Started"_s, 0.1, created);
        addRuns(env, flow, triggerNameOf(d.templateIndex), 20, 0.1, deleted - 20 * kDayMs, deleted);
        m_ctx.store.run(u"UPDATE flows SET deleted_ms=?, deleted_by=?, modified=? WHERE env=? AND name=?"_s,
                        {deleted, userId(QString::fromLatin1(d.deletedBy)), isoTime(deleted), env, flow});
    }
}

void Seeder::seedLarge(int runs)
{
    const qint64 now = nowMs();
    const QString env = loadTestEnvironment();
    m_ctx.store.run(
        u"INSERT INTO environments(name, display_name, description, location, sku, type, is_default,"
        " created_ms, modified_ms, everyone, ord) VALUES(?,?,?,?,?,?,0,?,?,1,9)"_s,
        {env, u"Contoso Load Test"_s, u"Benchmark data."_s, u"unitedstates"_s, u"Sandbox"_s, u"Sandbox"_s,
         now - 30 * kDayMs, now - kDayMs});
    const QString owner = userId(u"adele.vance"_s);
    QString first;
    for (int i = 1; i <= 120; ++i) {
        const QString flow = addFlow(env, u"Load test flow "_s + QString::number(i).rightJustified(3, u'0'),
                                     (i - 1) % 5, owner, u"Started"_s, 0.1, now - 30 * kDayMs);
        if (i == 1)
            first = flow;
    }
    addRuns(env, first, u"manual"_s, runs, 0.1, now - 28 * kDayMs, now - 60000);
}

// The demo seed plus an environment of N flows for administrators: M of them orphaned (owned only
// by the demo's disabled and deleted accounts), the others owned by one of N/10 makers (at least
// 15), so that owner names have to be looked up in many batches. No runs: this is about flows.
void Seeder::seedAdminScale(int flows, int orphaned)
{
    const qint64 now = nowMs();
    const QString env = adminTestEnvironment();
    m_ctx.store.run(
        u"INSERT INTO environments(name, display_name, description, location, sku, type, is_default,"
        " created_ms, modified_ms, everyone, ord) VALUES(?,?,?,?,?,?,0,?,?,1,10)"_s,
        {env, u"Contoso Flows at Scale"_s, u"Many makers' flows, some orphaned."_s, u"europe"_s,
         u"Production"_s, u"Production"_s, now - 400 * kDayMs, now - kDayMs});
    const int makers = std::max(15, flows / 10);
    QStringList makerIds;
    for (int i = 1; i <= makers; ++i) {
        const QString alias = u"maker."_s + QString::number(i).rightJustified(5, u'0');
        const QString id = userId(alias);
        m_ctx.store.run(
            u"INSERT INTO users(id, upn, display_name, mail, job_title, is_admin, ord, account_enabled)"
            " VALUES(?,?,?,?,?,0,?,1)"_s,
            {id, upnOf(alias), QString(u"Maker "_s + QString::number(i).rightJustified(5, u'0')),
             upnOf(alias), u"Citizen developer"_s, 1000 + i});
        m_ctx.store.run(u"INSERT INTO memberships(user_id, principal_id) VALUES(?,?)"_s, {id, id});
        makerIds << id;
    }
    const QStringList gone = {userId(u"alex.wilber"_s), userId(u"debra.berger"_s), userId(u"pradeep.gupta"_s),
                              userId(u"isaiah.langer"_s)};
    for (int i = 0; i < flows; ++i) {
        // Orphaned flows are spread through the list, as they would be in a real environment.
        const bool isOrphan =
            orphaned > 0 && (qint64(i) * orphaned) / flows != (qint64(i + 1) * orphaned) / flows;
        const QString creator = isOrphan ? gone[i % gone.size()] : makerIds[i % makerIds.size()];
        const QString name = QString(isOrphan ? u"Legacy flow "_s : u"Team flow "_s) +
                             QString::number(i + 1).rightJustified(6, u'0');
        addFlow(env, name, i % 5, creator, i % 7 == 0 ? u"Stopped"_s : u"Started"_s, 0.1,
                now - (30 + qint64(i % 300)) * kDayMs);
    }
}

} // namespace fc::emu
