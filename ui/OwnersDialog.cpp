#include "OwnersDialog.h"
#include "Messages.h"

#include "PeoplePicker.h"
#include "api/ApiClient.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
enum Column { NameColumn, MailColumn, TypeColumn, RoleColumn, ChangeColumn };
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

OwnersDialog::OwnersDialog(ApiClient *client, const QString &environment, const QString &flow,
                           const QString &flowDisplayName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_env(environment)
    , m_flow(flow)
{
    setObjectName(u"ownersDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Share “%1”").arg(flowDisplayName.isEmpty() ? flow : flowDisplayName));
    setAccessibleName(tr("Owners of the flow"));
    resize(720, 520);

    auto *layout = new QVBoxLayout(this);
    auto *ownersLabel = new QLabel(tr("&Owners"));
    m_view = new QTreeWidget;
    m_view->setObjectName(u"ownersView"_s);
    m_view->setAccessibleName(tr("Owners"));
    m_view->setColumnCount(5);
    m_view->setHeaderLabels({tr("Name"), tr("Email or UPN"), tr("Type"), tr("Role"), tr("Change")});
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    ownersLabel->setBuddy(m_view);
    layout->addWidget(ownersLabel);
    layout->addWidget(m_view, 1);

    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(u"removeOwnerButton"_s);
    m_remove->setAccessibleName(tr("Remove the selected owners"));
    m_remove->setShortcut(QKeySequence::Delete);
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_remove);
    layout->addLayout(removeRow);

    auto *addLabel = new QLabel(tr("A&dd people or groups"));
    m_picker = new PeoplePicker(client);
    addLabel->setBuddy(m_picker->searchEdit());
    layout->addWidget(addLabel);
    layout->addWidget(m_picker);

    m_message = new QLabel;
    m_message->setObjectName(u"ownersMessage"_s);
    m_message->setAccessibleName(tr("Result"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Reset | QDialogButtonBox::Close);
    m_apply = buttons->button(QDialogButtonBox::Apply);
    m_apply->setObjectName(u"applyOwnersButton"_s);
    m_reset = buttons->button(QDialogButtonBox::Reset);
    m_reset->setObjectName(u"resetOwnersButton"_s);
    m_reset->setText(tr("&Undo changes"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &OwnersDialog::apply);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_toAdd.clear();
        m_toRemove.clear();
        setMessage({});
        fill();
    });
    connect(m_remove, &QPushButton::clicked, this, &OwnersDialog::removeSelected);
    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &OwnersDialog::updateButtons);
    connect(m_picker, &PeoplePicker::principalChosen, this, &OwnersDialog::addPrincipal);
    reload();
}

QString OwnersDialog::message() const
{
    return m_message->text();
}

void OwnersDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setToolTip({});
    m_message->setStyleSheet(error ? u"color: #a4262c;"_s : QString());
}

void OwnersDialog::reload()
{
    if (!m_client || m_call)
        return;
    m_call = m_client->listOwners(m_env, m_flow, this, [this](Result<Page<FlowOwner>> page) {
        m_call = 0;
        if (!page) {
            setMessage(tr("Could not read the owners: %1").arg(plainReason(page.error())), true);
            m_message->setToolTip(technicalDetails(page.error()));
            updateButtons();
            return;
        }
        m_owners = page->items;
        m_toAdd.clear();
        m_toRemove.clear();
        fill();
        emit reloaded();
    });
    updateButtons();
}

static QString typeText(PrincipalType type)
{
    switch (type) {
    case PrincipalType::User:
        return OwnersDialog::tr("User");
    case PrincipalType::Group:
        return OwnersDialog::tr("Group");
    case PrincipalType::ServicePrincipal:
        return OwnersDialog::tr("Application");
    case PrincipalType::Unknown:
        break;
    }
    return OwnersDialog::tr("Unknown");
}

// The service's role names ("Owner", "CanEdit", "CanView") in words, so that a pending owner
// ("Can edit") reads the same before and after Apply.
static QString roleText(const QString &roleName)
{
    if (roleName.compare("Owner"_L1, Qt::CaseInsensitive) == 0)
        return OwnersDialog::tr("Owner");
    if (roleName.compare("CanEdit"_L1, Qt::CaseInsensitive) == 0)
        return OwnersDialog::tr("Can edit");
    if (roleName.compare("CanView"_L1, Qt::CaseInsensitive) == 0)
        return OwnersDialog::tr("Can view");
    return roleName;
}

void OwnersDialog::fill()
{
    m_view->clear();
    const auto add = [this](const Principal &p, const QString &role, const QString &change) {
        const QString mail = p.email.isEmpty() ? p.userPrincipalName : p.email;
        auto *item = new QTreeWidgetItem(
            m_view, {p.displayName.isEmpty() ? p.id : p.displayName, mail, typeText(p.type), role, change});
        item->setData(0, kIdRole, p.id);
        item->setToolTip(0, p.id);
        if (!change.isEmpty()) {
            QFont font = item->font(0);
            font.setItalic(true);
            for (int c = 0; c < m_view->columnCount(); ++c)
                item->setFont(c, font);
        }
    };
    for (const FlowOwner &owner : m_owners)
        add(owner.principal, roleText(owner.roleName),
            m_toRemove.contains(owner.principal.id) ? tr("to be removed") : QString());
    for (const Principal &p : m_toAdd)
        add(p, tr("Can edit"), tr("to be added"));
    updateButtons();
}

int OwnersDialog::ownersAfterChanges() const
{
    int n = 0;
    for (const FlowOwner &owner : m_owners)
        n += m_toRemove.contains(owner.principal.id) ? 0 : 1;
    return n + static_cast<int>(m_toAdd.size());
}

void OwnersDialog::addPrincipal(const Principal &principal)
{
    for (const FlowOwner &owner : m_owners) {
        if (owner.principal.id == principal.id) {
            if (m_toRemove.remove(principal.id)) {
                fill(); // undoes a pending removal
                return;
            }
            setMessage(tr("%1 is already an owner.").arg(principal.displayName));
            return;
        }
    }
    for (const Principal &p : m_toAdd) {
        if (p.id == principal.id)
            return;
    }
    m_toAdd.append(principal);
    setMessage(tr("%1 will be added when you apply.").arg(principal.displayName));
    fill();
}

bool OwnersDialog::removeOwner(const QString &principalId)
{
    for (qsizetype i = 0; i < m_toAdd.size(); ++i) {
        if (m_toAdd.at(i).id == principalId) {
            m_toAdd.removeAt(i); // only pending: nothing to send
            fill();
            return true;
        }
    }
    QString name;
    for (const FlowOwner &owner : m_owners) {
        if (owner.principal.id == principalId)
            name = owner.principal.displayName.isEmpty() ? principalId : owner.principal.displayName;
    }
    if (name.isEmpty() || m_toRemove.contains(principalId))
        return false;
    if (ownersAfterChanges() <= 1) {
        setMessage(tr("%1 cannot be removed: a flow must keep at least one owner. Add another owner "
                      "first, then remove this one.")
                       .arg(name),
                   true);
        return false;
    }
    m_toRemove.insert(principalId);
    setMessage(tr("%1 will be removed when you apply.").arg(name));
    fill();
    return true;
}

void OwnersDialog::removeSelected()
{
    QStringList ids;
    for (QTreeWidgetItem *item : m_view->selectedItems())
        ids.append(item->data(0, kIdRole).toString());
    for (const QString &id : ids) {
        if (!removeOwner(id))
            break;
    }
}

void OwnersDialog::apply()
{
    if (!m_client || m_call || (m_toAdd.isEmpty() && m_toRemove.isEmpty()))
        return;
    OwnerChanges changes;
    changes.add = m_toAdd;
    for (const FlowOwner &owner : m_owners) {
        if (m_toRemove.contains(owner.principal.id))
            changes.remove.append(owner.principal);
    }
    const int added = static_cast<int>(changes.add.size());
    const int removed = static_cast<int>(changes.remove.size());
    setMessage(tr("Applying…"));
    m_call = m_client->modifyOwners(m_env, m_flow, changes, this, [this, added, removed](Result<Done> done) {
        m_call = 0;
        if (!done) {
            setMessage(tr("The owners were not changed: %1").arg(plainReason(done.error())), true);
            m_message->setToolTip(technicalDetails(done.error()));
            updateButtons();
            return;
        }
        setMessage(tr("Owners changed: %1 added, %2 removed.").arg(added).arg(removed));
        emit applied();
        reload();
    });
    updateButtons();
}

void OwnersDialog::updateButtons()
{
    const bool changes = !m_toAdd.isEmpty() || !m_toRemove.isEmpty();
    m_apply->setEnabled(changes && !m_call);
    m_reset->setEnabled(changes && !m_call);
    m_remove->setEnabled(!m_view->selectedItems().isEmpty() && !m_call);
}

} // namespace fc
