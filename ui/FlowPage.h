#pragma once

#include "api/Types.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

class QTreeWidgetItem;

namespace fc {

class ApiClient;
class PrincipalNames;
class BulkEngine;
class CodeEditor;
class InsightTab;
class RunsTab;

// The page of one flow: a Details tab (every property, connection references, trigger type,
// the callback URL with a copy button) and a Definition tab (read-only, highlighted JSON).
// Then the Runs tab (the run grid) and the Insight tab (charts over the runs loaded there).
class FlowPage : public QWidget
{
    Q_OBJECT
public:
    explicit FlowPage(ApiClient *client, QWidget *parent = nullptr);

    // Shows a flow; when it is another flow than before, the callback URL is looked up again.
    void setFlow(const Flow &flow);
    const Flow &flow() const { return m_flow; }
    // How the page names an environment (the tree knows the display names; the flow only
    // carries the environment's GUID, which stays in the tooltip).
    void setEnvironmentNames(std::function<QString(const QString &environment)> nameOf);
    QTabWidget *tabs() const { return m_tabs; }
    RunsTab *runsTab() const { return m_runs; }
    InsightTab *insightTab() const { return m_insight; }
    // Share…: the owners dialog of the page's flow (or of another flow).
    QAction *shareAction() const { return m_share; }
    void openOwners(const Flow &flow);

    int currentTab() const;
    void setCurrentTab(int index);

signals:
    void statusMessage(const QString &message);
    // A bulk operation started from one of the tabs (the run grid), for the Activity panel.
    void operationStarted(fc::BulkEngine *engine);

private:
    void fillProperties();
    void fillConnectionReferences();
    void loadCallbackUrl();

    ApiClient *m_client;
    PrincipalNames *m_names;
    std::function<QString(const QString &)> m_environmentName;
    QTreeWidgetItem *m_creatorItem = nullptr; // owned by the properties tree
    Flow m_flow;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_callbackUrl = nullptr;
    QPushButton *m_copyCallback = nullptr;
    QTreeWidget *m_properties = nullptr;
    QTableWidget *m_references = nullptr;
    CodeEditor *m_definition = nullptr;
    RunsTab *m_runs = nullptr;
    InsightTab *m_insight = nullptr;
    QAction *m_share = nullptr;
    quint64 m_callbackCall = 0;
};

} // namespace fc
